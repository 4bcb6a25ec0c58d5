// Right-to-left languages in Chromium: a bundle whose first language is Arabic opens with
// <html dir="rtl">, an Arabic annotation's title and body compute direction 'rtl', switching to a
// left-to-right language flips the page at runtime and back; the bundle's font subset draws Arabic.
//   node browser_checks.mjs BUNDLE --check direction
import { newPage, openViewer, waitFor } from './check_helpers.mjs';

async function panelDirection(page, id) {
  await page.evaluate((i) => window.vitrine.openAnnotation(i), id);
  await waitFor(page, () => !document.querySelector('.vt-panel').hidden);
  return page.evaluate(() => {
    const title = document.querySelector('.vt-panel-title');
    const body = document.querySelector('.vt-panel-body');
    return {
      html: document.documentElement.dir, lang: document.documentElement.lang,
      title: title.textContent, titleDirection: getComputedStyle(title).direction,
      body: body ? body.textContent : null, bodyDirection: body ? getComputedStyle(body).direction : null,
      titleAlign: getComputedStyle(title).textAlign,
    };
  });
}

/** Which side of the window the chrome stands on (with the panel open): the panel, the points-of-
 * interest list, the objects list (shown while it has keyboard focus), the toolbar's order, and the
 * camera's shift away from the panel. Each side is 'left' or 'right' of the window's centre. */
async function chromeSides(page) {
  const side = (r) => (r.left + r.right) / 2 < innerWidth / 2 ? 'left' : 'right';
  const box = (sel) => page.evaluate((s) => { const r = document.querySelector(s).getBoundingClientRect(); return { left: r.left, right: r.right }; }, sel);
  const out = await page.evaluate(() => {
    const shown = [...document.querySelectorAll('.vt-toolbar > :not([hidden])')].filter((e) => e.getClientRects().length);
    const first = shown[0].getBoundingClientRect(), last = shown[shown.length - 1].getBoundingClientRect();
    const view = window.vitrine.app.camera.view;
    return { innerWidth, toolbarFirstIsLeftmost: first.left < last.left, viewOffsetX: view && view.enabled ? view.offsetX : 0 };
  });
  const innerWidth = out.innerWidth;
  out.panel = side(await box('.vt-panel'));
  await page.evaluate(() => window.vitrine.app.ui.toggleList(true));
  out.list = side(await box('.vt-annotation-list'));
  await page.evaluate(() => window.vitrine.app.ui.toggleList(false));
  await page.focus('.vt-object');
  out.objects = side(await box('.vt-objects'));
  await page.evaluate(() => document.activeElement.blur());
  return out;
}

export const DIRECTION_CHECKS = {
  async direction(env) {
    const { page, log } = await newPage(env, { reducedMotion: 'reduce' });
    const url = await env.serve();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    const startDir = await page.evaluate(() => document.documentElement.getAttribute('dir'));
    await openViewer(page, url);
    const annotations = await page.evaluate(() => window.vitrine.annotations());
    const id = annotations[0].id;
    const languages = await page.evaluate(() => window.vitrine.languages ? window.vitrine.languages() : null);
    const first = await panelDirection(page, id);
    const sides = { ar: await chromeSides(page) };
    await page.evaluate(() => window.vitrine.setLanguage('en'));
    const english = await panelDirection(page, id);
    sides.en = await chromeSides(page);
    await page.evaluate(() => window.vitrine.setLanguage('ar'));
    const back = await panelDirection(page, id);
    sides.back = await chromeSides(page);
    const fonts = await page.evaluate(async (text) => {
      await document.fonts.ready;
      await document.fonts.load('16px "Vitrine Script"', text);
      const faces = [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Vitrine Script');
      return { loaded: faces.filter((f) => f.status === 'loaded').length, faces: faces.length,
        check: document.fonts.check('16px "Vitrine Script"', text) };
    }, back.title);
    // The same from file:// (a kiosk folder opened directly): the subset must load there too.
    const filePage = await newPage(env, { reducedMotion: 'reduce' });
    await openViewer(filePage.page, env.fileUrl());
    const fileFonts = await filePage.page.evaluate(async (text) => {
      await document.fonts.load('16px "Vitrine Script"', text);
      return { dir: document.documentElement.dir,
        loaded: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Vitrine Script' && f.status === 'loaded').length };
    }, back.title);
    const pass = fileFonts.loaded >= 1 && fileFonts.dir === 'rtl' && !filePage.log.errors.length && startDir === 'rtl' && first.html === 'rtl' && first.titleDirection === 'rtl' && first.bodyDirection === 'rtl'
      && english.html === 'ltr' && english.titleDirection === 'ltr' && back.titleDirection === 'rtl' && back.lang === 'ar'
      && fonts.loaded >= 1 && !log.errors.length;
    return { pass, startDir, languages, first, english, back, sides, fonts, fileFonts, errors: log.errors, console: log.console.slice(0, 5) };
  },
};
