#!/usr/bin/env node
// Responsive checks (issue 13, part 2) on Debian's headless Chromium (playwright-core).
//   node phone_check.mjs URL --out DIR [--sizes portrait,landscape,tablet,desktop,kiosk4k] [--slow]
// For each screen: the start view's artifacts (vitrine.debug.project() screen boxes) are fully
// on screen; every viewpoint's subjects are; visible text boxes do not intersect and stay in the
// viewport; the toolbar fits or folds into a menu whose items then fit. A screenshot per size
// goes to DIR/<size>.png. --slow: 4x CPU and 1.6 Mbps / 150 ms RTT (as WEBXR-TESTING.md).
// Prints one JSON line {pass, sizes: {name: {...}}}.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const url = argv.find((a) => /^(https?|file):/.test(a));
const out = opt('out', '.');
const SIZES = {
  portrait: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
  landscape: { viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 820, height: 1180 }, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1440, height: 900 }, isMobile: false, hasTouch: false },
  kiosk4k: { viewport: { width: 3840, height: 2160 }, isMobile: false, hasTouch: true },
};
const names = opt('sizes', Object.keys(SIZES).join(',')).split(',');
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** Runs in the page: visible text boxes, artifact boxes, viewpoint subject boxes, toolbar state. */
function inspect() {
  const W = innerWidth, H = innerHeight;
  const visible = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const cs = getComputedStyle(e);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0 || e.hidden) return false;
    }
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0;
  };
  // Elements that carry their own text (a direct non-blank text node), outside the 3D pins layer.
  const texts = [];
  for (const el of document.querySelectorAll('#vitrine *')) {
    if (el.closest('.vt-hotspots') || el.tagName === 'OPTION' || el.tagName === 'NOSCRIPT') continue;
    // screen-reader text: the live region and the objects list, kept off-screen until keyboard focus
    if (el.closest('.vt-sr-only, .vt-live, .vt-objects:not(:focus-within)')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || !visible(el)) continue;
    const r = el.getBoundingClientRect();
    texts.push({ cls: el.className || el.tagName, text: el.textContent.trim().slice(0, 40), box: [r.left, r.top, r.right, r.bottom] });
  }
  const overlaps = [];
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i].box, b = texts[j].box;
    const ix = Math.min(a[2], b[2]) - Math.max(a[0], b[0]), iy = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
    if (ix > 0.5 && iy > 0.5) overlaps.push([texts[i].cls, texts[i].text, texts[j].cls, texts[j].text]);
  }
  const outside = texts.filter((t) => t.box[0] < -0.5 || t.box[1] < -0.5 || t.box[2] > W + 0.5 || t.box[3] > H + 0.5);
  const boxes = window.vitrine.debug.project();
  const offscreen = Object.entries(boxes).filter(([, b]) => b.behind || b.left < 0 || b.top < 0 || b.right > W || b.bottom > H).map(([id]) => id);
  const bar = document.querySelector('.vt-toolbar');
  return { W, H, texts: texts.length, overlaps, outside: outside.map((t) => [t.cls, t.text]), boxes, offscreen,
    toolbar: { fits: bar.scrollWidth <= bar.clientWidth + 1, collapsed: bar.classList.contains('vt-collapsed') } };
}

/** Runs in the page: cut to each viewpoint, return the screen box of its subjects (framing.js). */
function viewpointBoxes() {
  const app = window.vitrine.app;
  const out = {};
  for (const vp of app.doc.viewpoints || []) {
    const framed = app.withSubjects(vp);
    app.flight.flyTo(framed, { cut: true });
    app.camera.updateMatrixWorld();
    const b = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity, subjects: framed.subjects.length };
    for (const p of framed.subjects) {
      const v = p.clone().project(app.camera);
      const x = (v.x * 0.5 + 0.5) * app.width, y = (-v.y * 0.5 + 0.5) * app.height;
      b.left = Math.min(b.left, x); b.right = Math.max(b.right, x); b.top = Math.min(b.top, y); b.bottom = Math.max(b.bottom, y);
    }
    out[vp.id] = b;
  }
  app.setStartView();
  return out;
}

async function check(browser, name) {
  const context = await browser.newContext({ ...SIZES[name], deviceScaleFactor: 1, locale: 'en-US' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  if (argv.includes('--slow')) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  }
  const posterShown = { at: null };
  await page.goto(url, { waitUntil: 'commit', timeout: 180000 });
  // the poster is in the page before any script runs
  await page.waitForSelector('img.vt-poster', { state: 'attached', timeout: 60000 }).then(() => { posterShown.at = 'before-ready'; }, () => {});
  await page.waitForFunction(() => window.vitrine && window.vitrine.app && window.vitrine.app.timings.readyAt != null, null, { timeout: 180000, polling: 100 });
  await page.waitForTimeout(600); // layout observers and the toolbar measure settle
  const state = await page.evaluate(inspect);
  const poster = await page.evaluate(() => { const p = document.querySelector('img.vt-poster'); return p ? { loaded: p.complete && p.naturalWidth > 0, hidden: p.classList.contains('vt-done') } : null; });
  await page.screenshot({ path: join(out, `${name}.png`) });
  let menu = null;
  if (state.toolbar.collapsed) {
    await page.click('.vt-menu-toggle');
    await page.waitForTimeout(200);
    menu = await page.evaluate(inspect);
    menu.expanded = await page.getAttribute('.vt-menu-toggle', 'aria-expanded');
    await page.screenshot({ path: join(out, `${name}-menu.png`) });
    await page.click('.vt-menu-toggle');
  }
  const viewpoints = await page.evaluate(viewpointBoxes);
  const W = state.W, H = state.H;
  const vpOff = Object.entries(viewpoints).filter(([, b]) => b.subjects && (b.left < 0 || b.top < 0 || b.right > W || b.bottom > H)).map(([id]) => id);
  await context.close();
  const menuOk = !menu || (menu.expanded === 'true' && !menu.overlaps.length && !menu.outside.length);
  const pass = !errors.length && !state.offscreen.length && !state.overlaps.length && !state.outside.length
    && (state.toolbar.fits || state.toolbar.collapsed) && menuOk && !vpOff.length && poster && poster.loaded && poster.hidden;
  return { pass, ...state, menu, viewpoints, viewpointsOffscreen: vpOff, poster, errors };
}

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  const result = { sizes: {} };
  try {
    for (const n of names) result.sizes[n] = await check(browser, n);
  } catch (err) {
    result.error = String(err && err.stack || err).slice(0, 1500);
  } finally {
    await browser.close();
  }
  result.pass = !result.error && Object.values(result.sizes).every((s) => s.pass);
  console.log(JSON.stringify(result));
  process.exit(result.pass ? 0 : 1);
}

main();
