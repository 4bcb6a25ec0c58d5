// Browser checks for phones, links and kiosks (issue 13 parts 3-6):
//   deep-links: #annotation / #tour&step / #artifact / #lang open the exhibit there, the address
//     follows the visitor with the #key= pin kept, hostile hashes are ignored;
//   phone-ar: an iPhone (user agent, no navigator.xr) gets <a rel="ar"><img>… to a listed USDZ;
//     Android over http gets no Scene Viewer link;
//   kiosk-qr: screenshots of the QR codes in an open annotation and for the exhibit (--out DIR),
//     for tests/browser/test_terminals.py to read back into modules.
//   embed: embed/<slug>.html shows that artifact alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, openViewer, settledCamera } from './check_helpers.mjs';

const docOf = (env) => JSON.parse(readFileSync(join(env.bundle, 'exhibit.json'), 'utf8'));
const listed = (env) => new Set(JSON.parse(readFileSync(join(env.bundle, 'manifest.json'), 'utf8')).files.map((f) => f.path));

const NO_XR = () => { try { delete Navigator.prototype.xr; } catch (_) { /* absent */ } };
const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
const ANDROID_UA = 'Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';

async function visit(env, base, hash) {
  const { page, log } = await newPage(env, { reducedMotion: 'reduce' });
  await openViewer(page, base + 'index.html' + hash);
  // at once, before a tour's step timer can move on
  const first = await page.evaluate(() => ({ tour: window.vitrine.state().tour, hash: location.hash }));
  await settledCamera(page);
  const s = await page.evaluate(() => ({ state: window.vitrine.state(), language: window.vitrine.language(), hash: location.hash,
    camera: window.vitrine.camera(), verification: window.vitrine.verification().status, pinned: window.vitrine.verification().pinned }));
  return { page, log, s: { ...s, first } };
}

export const TERMINAL_CHECKS = {
  async 'deep-links'(env) {
    const d = docOf(env);
    const base = await env.serve();
    const pin = env.opt('pin');
    const ann = d.annotations[0].id, tour = d.tours[0], art = d.artifacts[d.artifacts.length - 1].id;
    const out = { opened: {}, follows: {}, hostile: {} };
    const errors = [];
    const cases = {
      annotation: `#annotation=${encodeURIComponent(ann)}&key=${pin}`,
      tour: `#tour=${encodeURIComponent(tour.id)}&step=${tour.steps.length}`,
      artifact: `#artifact=${encodeURIComponent(art)}`,
      lang: `#lang=${d.languages[1]}`,
    };
    for (const [name, hash] of Object.entries(cases)) {
      const { page, log, s } = await visit(env, base, hash);
      out.opened[name] = { annotation: s.state.annotation, tour: s.first.tour, firstHash: s.first.hash, language: s.language, hash: s.hash, target: s.camera.target,
        verification: s.verification };
      errors.push(...log.errors);
      await page.close();
    }
    // the address follows the visitor, keeping the pin exactly
    const { page, log } = await visit(env, base, `#key=${pin}`);
    const step = async (fn, arg) => { await page.evaluate(fn, arg); await settledCamera(page); return page.evaluate(() => location.hash); };
    out.follows.start = await page.evaluate(() => location.hash);
    out.follows.open = await step((id) => window.vitrine.openAnnotation(id), ann);
    out.follows.close = await step(() => window.vitrine.closeAnnotation());
    out.follows.tour = await step((id) => window.vitrine.startTour(id), tour.id);
    out.follows.lang = await step((tag) => window.vitrine.setLanguage(tag), d.languages[1]);
    out.follows.end = await step(() => window.vitrine.stopTour());
    out.follows.verification = await page.evaluate(() => window.vitrine.verification().status);
    errors.push(...log.errors);
    await page.close();
    const hostile = {
      unknown: '#annotation=nope&tour=nope&artifact=nope&lang=xx',
      script: `#annotation=${encodeURIComponent('<img src=x onerror=alert(1)>')}&lang=${encodeURIComponent('"><script>alert(1)</script>')}`,
      huge: `#annotation=${'A'.repeat(200000)}`,
      badStep: `#tour=${encodeURIComponent(tour.id)}&step=${encodeURIComponent('1e9;alert(1)')}`,
      broken: '#annotation=%E0%A4%A&lang=%',
    };
    for (const [name, hash] of Object.entries(hostile)) {
      const { page: p, log: l, s } = await visit(env, base, hash);
      out.hostile[name] = { annotation: s.state.annotation, tour: s.state.tour, language: s.language, dialogs: l.dialogs.length,
        errors: l.errors, injected: await p.evaluate(() => document.querySelectorAll('img[src="x"], script:not([src]):not([type="application/ld+json"])').length) };
      await p.close();
    }
    return { pass: !errors.length, ...out, errors };
  },

  async 'phone-ar'(env) {
    const base = await env.serve();
    const files = listed(env);
    const open = async (ua) => {
      const { page, log } = await newPage(env, { init: [NO_XR] });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setUserAgentOverride', { userAgent: ua, platform: ua.includes('iPhone') ? 'iPhone' : 'Linux armv8l' });
      await openViewer(page, base + 'index.html');
      await page.waitForTimeout(300); // the WebXR probe settles
      const links = await page.evaluate(() => [...document.querySelectorAll('a.vt-ar-link')].map((a) => ({
        rel: a.rel, hidden: a.hidden, href: a.getAttribute('href'), first: a.firstElementChild && a.firstElementChild.tagName,
        visible: a.offsetParent !== null, xr: 'xr' in navigator, text: a.textContent })));
      await page.close();
      return { links, errors: log.errors };
    };
    const iphone = await open(IPHONE_UA);
    const android = await open(ANDROID_UA);
    const q = iphone.links[0];
    const pass = !!q && q.rel === 'ar' && q.first === 'IMG' && !q.hidden && q.visible && files.has(q.href) && q.href.endsWith('.usdz')
      && android.links.every((l) => l.hidden) && !iphone.errors.length && !android.errors.length;
    return { pass, iphone, android };
  },

  async 'kiosk-qr'(env) {
    const d = docOf(env);
    const { page, log } = await newPage(env, { reducedMotion: 'reduce' });
    await page.setViewportSize({ width: 1280, height: 900 });
    await openViewer(page, await env.serve());
    const ann = d.annotations[0].id;
    const loaded = () => page.waitForFunction(() => [...document.querySelectorAll('.vt-qr img')].every((i) => i.complete && i.naturalWidth > 0), null, { timeout: 10000 });
    const shots = {};
    const visible = {};
    for (const [name, sel] of [['exhibit', '.vt-qr-exhibit img'], ['annotation', '.vt-qr-annotation img']]) {
      if (name === 'annotation') await page.evaluate((id) => window.vitrine.openAnnotation(id), ann);
      await loaded();
      visible[name] = await page.evaluate(() => [...document.querySelectorAll('.vt-qr')].filter((f) => f.offsetParent !== null).map((f) => f.className));
      const el = await page.$(sel);
      if (!el) continue;
      await el.scrollIntoViewIfNeeded();
      const path = join(env.opt('out'), `${name}.png`);
      await el.screenshot({ path });
      shots[name] = { path, url: await page.evaluate((s) => document.querySelector(s).closest('figure').dataset.url, sel),
        caption: await page.evaluate((s) => document.querySelector(s).closest('figure').textContent, sel) };
    }
    await page.evaluate(() => window.vitrine.setLanguage('zh-Hans'));
    const captionZh = await page.evaluate(() => [...document.querySelectorAll('.vt-qr figcaption')].map((f) => f.textContent));
    return { pass: !!shots.annotation && !!shots.exhibit && !log.errors.length, shots, visible, annotation: ann, captionZh, errors: log.errors };
  },

  async embed(env) {
    const d = docOf(env);
    const art = d.artifacts[1];
    const slug = art.models[0].file.split('/')[1];
    const { page, log } = await newPage(env);
    const base = await env.serve();
    await openViewer(page, `${base}embed/${slug}.html`);
    const r = await page.evaluate(() => ({ ids: [...window.vitrine.app.artifacts.keys()], embed: document.querySelector('#vitrine').classList.contains('vt-embed'),
      levels: window.vitrine.state().levels, verification: window.vitrine.verification().status, hotspots: document.querySelectorAll('.vt-hotspot, .vt-hotspots button').length }));
    return { pass: r.ids.length === 1 && r.ids[0] === art.id && r.embed && !log.errors.length && r.verification === 'signed', artifact: art.id, ...r, errors: log.errors };
  },
};
