// The named browser checks. Each gets env (see browser_checks.mjs) and
// returns {pass, ...figures}.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOWNLOAD_CHECKS } from './download_check.mjs';
import { JOURNEY_CHECKS } from './journey_check.mjs';
import { CONTRACT_CHECKS } from './contract_check.mjs';
import { TAPE_CHECKS } from './tape_checks.mjs';
import { ROOM_CHECKS } from './room_check.mjs';
import { DIRECTION_CHECKS } from './direction_check.mjs';
import { TERMINAL_CHECKS } from './terminals_check.mjs';
import { A11Y_CHECKS } from './a11y_check.mjs';
import { newPage, openViewer, sleep, waitFor, settledCamera, dist, colorDistance, iwerInit, pixelProbe, xrSelect } from './check_helpers.mjs';

const ARTIFACTS = (env) => JSON.parse(readFileSync(join(env.bundle, 'exhibit.json'), 'utf8')).artifacts.filter((a) => a.visible !== false).map((a) => a.id);
const doc = (env) => JSON.parse(readFileSync(join(env.bundle, 'exhibit.json'), 'utf8'));

async function render(env, url, expectMode) {
  // With --pin FINGERPRINT the page is opened as the museum's own link would (#key=…) and must
  // say 'verified'; without one, a valid signature is only 'signed'.
  const pin = env.opt('pin');
  if (pin) url += `#key=${pin}`;
  const { page, log } = await newPage(env);
  const { ms, state } = await openViewer(page, url);
  const ids = ARTIFACTS(env);
  const probe = await pixelProbe(page, ids);
  const differs = Object.fromEntries(Object.entries(probe.artifacts).map(([id, p]) => [id, Math.round(colorDistance(p.rgba, probe.background.rgba))]));
  // Finer levels replace the coarse ones.
  const finest = doc(env).artifacts.filter((a) => a.visible !== false).every((a) => a.models.length < 2) ? true
    : await waitFor(page, () => Object.values(window.vitrine.state().levels).some((l) => l !== 'low' && l !== 'thumbnail'), null, 30000).then(() => true, () => false);
  const after = await page.evaluate(() => ({ state: window.vitrine.state(), verification: window.vitrine.verification(), progress: document.querySelector('.vt-progress').getAttribute('aria-valuenow') }));
  if (env.opt('out')) await page.screenshot({ path: env.opt('out') });
  const pass = state.mode === expectMode && Object.values(differs).every((d) => d > 30) && finest && after.verification.status === (pin ? 'verified' : 'signed') && !log.errors.length && after.progress === '100';
  return { pass, readyMs: ms, firstFrameMs: Math.round(state.timings.firstFrame), mode: state.mode, differs, probe, levels: after.state.levels, verification: after.verification, errors: log.errors, console: log.console.slice(0, 5), url };
}

export const CHECKS = {
  ...DOWNLOAD_CHECKS,
  ...JOURNEY_CHECKS,
  ...CONTRACT_CHECKS,
  ...TAPE_CHECKS,
  ...ROOM_CHECKS,
  ...DIRECTION_CHECKS,
  ...TERMINAL_CHECKS,
  ...A11Y_CHECKS,
  'render-http': async (env) => render(env, await env.serve(), 'fetch'),
  'render-file': async (env) => render(env, env.fileUrl(), 'script'),

  async hotspots(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    const annotations = await page.evaluate(() => window.vitrine.annotations());
    await settledCamera(page);
    await sleep(300);
    const buttons = await page.$$eval('.vt-hotspot', (els) => els.map((b) => ({ id: b.dataset.annotationId, label: b.getAttribute('aria-label'), tag: b.tagName, hidden: b.classList.contains('vt-hidden') })));
    const visible = buttons.filter((b) => !b.hidden);
    const target = visible[0];
    await page.click(`.vt-hotspot[data-annotation-id="${target.id}"]`);
    await waitFor(page, () => !document.querySelector('.vt-panel').hidden);
    const want = annotations.find((a) => a.id === target.id).title;
    const panel = await page.evaluate(() => ({
      title: document.querySelector('.vt-panel-title').textContent,
      img: (document.querySelector('.vt-panel img') || {}).alt || null,
      captions: !!document.querySelector('.vt-panel audio[controls] track[kind="captions"]'),
      open: window.vitrine.state().annotation,
    }));
    const flown = await settledCamera(page);
    await page.keyboard.press('Escape');
    await waitFor(page, () => document.querySelector('.vt-panel').hidden);
    // Keyboard: Tab until a hotspot has focus, then Enter.
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    let focused = null;
    for (let i = 0; i < 40 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => { const a = document.activeElement; return a && a.classList.contains('vt-hotspot') ? { id: a.dataset.annotationId, outline: getComputedStyle(a).outlineStyle, label: a.getAttribute('aria-label') } : null; });
    }
    let keyboardTitle = null;
    if (focused) {
      await page.keyboard.press('Enter');
      await waitFor(page, () => !document.querySelector('.vt-panel').hidden).catch(() => {});
      keyboardTitle = await page.evaluate(() => document.querySelector('.vt-panel-title').textContent);
    }
    const occludedIds = buttons.filter((b) => b.hidden).map((b) => b.id);
    const pass = buttons.length === annotations.length && buttons.every((b) => b.tag === 'BUTTON' && b.label) && panel.title === want && !!focused
      && focused.outline !== 'none' && focused.label.endsWith(`: ${keyboardTitle}`) && !log.errors.length && dist(flown.eye, [0, 0, 0]) > 0;
    return { pass, count: buttons.length, annotations: annotations.length, occluded: occludedIds, clicked: target.id, panel, focused, keyboardTitle, camera: flown, errors: log.errors };
  },

  async language(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    const langs = await page.evaluate(() => window.vitrine.languages());
    const other = langs.find((l) => l !== langs[0]);
    const first = (await page.evaluate(() => window.vitrine.annotations()))[0];
    await page.evaluate((id) => window.vitrine.openAnnotation(id), first.id);
    const before = await page.evaluate(() => ({ label: document.querySelector('.vt-lang-text').textContent, title: document.querySelector('.vt-panel-title').textContent, reset: document.querySelector('.vt-reset').textContent, lang: document.documentElement.lang }));
    const events = await page.evaluate((tag) => new Promise((ok) => {
      window.vitrine.addEventListener('languagechange', (e) => ok(e.detail), { once: true });
      window.vitrine.setLanguage(tag);
    }), other);
    const after = await page.evaluate(() => ({ label: document.querySelector('.vt-lang-text').textContent, title: document.querySelector('.vt-panel-title').textContent, reset: document.querySelector('.vt-reset').textContent, lang: document.documentElement.lang, current: window.vitrine.language(), hotspot: document.querySelector('.vt-hotspot').getAttribute('aria-label'), select: document.querySelector('.vt-lang-select').value }));
    if (env.opt('out')) { await settledCamera(page); await page.screenshot({ path: env.opt('out') }); }
    const pass = !!other && after.current === other && after.lang === other && after.select === other && after.label !== before.label && after.title !== before.title && after.reset !== before.reset && events.language === other && !log.errors.length;
    return { pass, languages: langs, before, after, errors: log.errors };
  },

  async tour(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    const tours = await page.evaluate(() => window.vitrine.tours());
    const events = [];
    await page.exposeFunction('__tourEvent', (e) => events.push(e));
    await page.evaluate(() => { for (const n of ['tourstart', 'tourstep', 'tourend']) window.vitrine.addEventListener(n, (e) => window.__tourEvent({ n, d: e.detail })); });
    const start = await page.evaluate(() => window.vitrine.camera());
    await page.evaluate((id) => window.vitrine.startTour(id), tours[0].id);
    const a = await settledCamera(page);
    const narration1 = await page.textContent('.vt-narration');
    await page.evaluate(() => window.vitrine.nextStep());
    const b = await settledCamera(page);
    const narration2 = await page.textContent('.vt-narration');
    await page.evaluate(() => window.vitrine.pauseTour());
    const paused = await page.evaluate(() => window.vitrine.state().tour);
    await page.evaluate(() => window.vitrine.previousStep());
    const c = await settledCamera(page);
    // Reduced motion: cuts, not flights.
    const rm = await newPage(env, { reducedMotion: 'reduce' });
    await openViewer(rm.page, await env.serve());
    const cut = await rm.page.evaluate((id) => { window.vitrine.startTour(id); const x = window.vitrine.camera(); window.vitrine.nextStep(); return [x, window.vitrine.camera()]; }, tours[0].id);
    const moved = dist(a.eye, start.eye), stepMoved = dist(a.eye, b.eye), back = dist(c.eye, a.eye);
    const pass = tours.length > 0 && moved > 0.1 && stepMoved > 0.1 && back < 0.01 && narration1 !== narration2 && paused && paused.paused
      && events.some((e) => e.n === 'tourstart') && events.filter((e) => e.n === 'tourstep').length >= 3 && dist(cut[0].eye, cut[1].eye) > 0.1 && !log.errors.length;
    return { pass, tours, moved, stepMoved, back, narration: [narration1, narration2], paused, reducedMotionCut: dist(cut[0].eye, cut[1].eye), events: events.map((e) => e.n), errors: log.errors };
  },

  async 'kiosk-idle'(env) {
    const d = doc(env);
    const idle = (d.bundle && d.bundle.idle_timeout) || 120;
    const { page, log } = await newPage(env);
    await page.clock.install();
    const url = (await env.serve()) + (d.bundle && d.bundle.profile === 'kiosk' ? '' : '?profile=kiosk');
    await openViewer(page, url);
    const startCam = await page.evaluate(() => window.vitrine.camera());
    const kioskStyle = await page.evaluate(() => ({ userSelect: getComputedStyle(document.body).userSelect, links: document.querySelectorAll('a[href^="http"]').length }));
    const ctx = await page.evaluate(() => { const e = new MouseEvent('contextmenu', { bubbles: true, cancelable: true }); document.querySelector('canvas').dispatchEvent(e); return e.defaultPrevented; });
    await page.evaluate(() => { const v = window.vitrine; v.setLanguage(v.languages()[v.languages().length - 1]); v.openAnnotation(v.annotations()[0].id); });
    await settledCamera(page);
    const visitor = await page.evaluate(() => ({ lang: window.vitrine.language(), cam: window.vitrine.camera(), state: window.vitrine.state() }));
    await page.clock.fastForward((idle + 5) * 1000);
    await sleep(500);
    const idleState = await page.evaluate(() => ({ lang: window.vitrine.language(), cam: window.vitrine.camera(), state: window.vitrine.state(), langs: window.vitrine.languages() }));
    await sleep(1500);
    const later = await page.evaluate(() => window.vitrine.camera());
    await page.mouse.click(10, 240);
    await sleep(300);
    const touched = await page.evaluate(() => window.vitrine.state().attract);
    const resetDistance = dist(idleState.cam.target, startCam.target);
    const pass = !!idleState.state.attract && idleState.lang === idleState.langs[0] && visitor.lang !== idleState.lang && !idleState.state.annotation
      && resetDistance < 0.05 && dist(visitor.cam.eye, startCam.eye) > 0.1 && dist(later.eye, idleState.cam.eye) > 0.001 && touched === false
      && ctx && kioskStyle.userSelect === 'none' && !log.errors.length;
    return { pass, idleTimeout: idle, attract: idleState.state.attract, languageAfterIdle: idleState.lang, visitorLanguage: visitor.lang, resetDistance, attractMoved: dist(later.eye, idleState.cam.eye), attractAfterTouch: touched, contextMenuBlocked: ctx, kioskStyle, errors: log.errors };
  },

  async vr(env) {
    const { page, log } = await newPage(env, { init: iwerInit(env) });
    await openViewer(page, await env.serve());
    await waitFor(page, () => { const b = document.querySelector('.vt-vr'); return b && !b.hidden; }, null, 10000);
    await page.click('.vt-vr');
    await waitFor(page, () => window.vitrine.state().xrFrames > 10, null, 30000);
    const frames0 = await page.evaluate(() => window.vitrine.state().xrFrames);
    await sleep(1000);
    const frames1 = await page.evaluate(() => window.vitrine.state().xrFrames);
    const ann = (await page.evaluate(() => window.vitrine.annotations()))[0];
    const point = await page.evaluate((id) => window.vitrine.app.hotspots.worldPoint(id).point.toArray(), ann.id);
    await page.evaluate(async (p) => {
      const d = window.__xrDevice;
      await d.remote.dispatch('look_at', { device: 'controller-right', target: { x: p[0], y: p[1], z: p[2] } });
    }, point);
    await xrSelect(page);
    await waitFor(page, () => window.vitrine.state().xrPanelVisible, null, 10000).catch(() => {});
    const state = await page.evaluate(() => window.vitrine.state());
    if (env.opt('out')) await page.screenshot({ path: env.opt('out') });
    const fps = frames1 - frames0;
    const pass = state.xr === 'immersive-vr' && frames1 > 10 && state.annotation === ann.id && state.xrPanelVisible && point[2] < -0.5 && !log.errors.length;
    return { pass, frames: frames1, framesPerSecond: fps, exhibitPoint: point, opened: state.annotation, panel: state.xrPanelVisible, errors: log.errors };
  },

  async ar(env) {
    const { page, log } = await newPage(env, { init: iwerInit(env, { sem: true }) });
    await openViewer(page, await env.serve());
    await waitFor(page, () => { const b = document.querySelector('.vt-ar'); return b && !b.hidden; }, null, 10000);
    // Look down at the floor so the viewer-space hit test ray meets it.
    await page.evaluate(() => { const d = window.__xrDevice; const a = -Math.PI / 5; d.quaternion.set(Math.sin(a / 2), 0, 0, Math.cos(a / 2)); });
    await page.click('.vt-ar');
    await waitFor(page, () => window.vitrine.state().xrFrames > 10, null, 30000);
    await waitFor(page, () => window.vitrine.app.xr.reticle.visible, null, 15000).catch(() => {});
    const reticle = await page.evaluate(() => window.vitrine.app.xr.reticle.visible);
    const reticlePos = await page.evaluate(() => { const m = window.vitrine.app.xr.reticle.matrix.elements; return [m[12], m[13], m[14]]; });
    await xrSelect(page);
    await waitFor(page, () => window.vitrine.state().arPlaced, null, 10000).catch(() => {});
    const placed = await page.evaluate(() => ({ placed: window.vitrine.state().arPlaced, root: window.vitrine.app.exhibitRoot.position.toArray(), visible: window.vitrine.app.exhibitRoot.visible, frames: window.vitrine.state().xrFrames }));
    if (env.opt('out')) await page.screenshot({ path: env.opt('out') });
    const pass = reticle && placed.placed && placed.visible && Math.abs(placed.root[1] - reticlePos[1]) < 0.05 && !log.errors.length;
    return { pass, reticle, reticlePos, ...placed, errors: log.errors };
  },

  async 'no-external-requests'(env) {
    const base = await env.serve();
    const { page, log } = await newPage(env);
    await openViewer(page, base);
    await waitFor(page, () => Object.keys(window.vitrine.state().levels).length > 0);
    await page.evaluate(() => { const v = window.vitrine; for (const a of v.annotations()) { v.openAnnotation(a.id); v.closeAnnotation(); } v.openAnnotation(v.annotations()[0].id); });
    await page.click('.vt-credits-btn');
    await sleep(1500);
    const f = await newPage(env);
    await openViewer(f.page, env.fileUrl());
    await sleep(500);
    const fileBase = env.fileUrl().replace(/index\.html$/, '');
    const inside = (u, prefix) => u.startsWith(prefix) || u.startsWith('data:') || u.startsWith('blob:');
    const outside = [...log.requests.filter((u) => !inside(u, base)), ...f.log.requests.filter((u) => !inside(u, fileBase))];
    return { pass: outside.length === 0 && log.requests.length > 3, requests: log.requests.length, fileRequests: f.log.requests.length, outside, base };
  },

  async xss(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    const annotations = await page.evaluate(() => window.vitrine.annotations());
    await page.evaluate((id) => window.vitrine.openAnnotation(id), annotations[0].id);
    await page.evaluate(() => window.vitrine.startTour(window.vitrine.tours()[0].id));
    await sleep(1500);
    const seen = await page.evaluate(() => ({
      panelTitle: document.querySelector('.vt-panel-title').textContent,
      body: [...document.querySelectorAll('.vt-panel-body')].map((p) => p.textContent).join('\n'),
      narration: document.querySelector('.vt-narration').textContent,
      documentTitle: document.title,
      injected: document.querySelectorAll('img[src="x"], svg, script:not([src]):not([type="application/ld+json"])').length,
      csp: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || '',
      alts: [...document.querySelectorAll('.vt-panel img')].map((i) => i.alt),
    }));
    const want = annotations[0].title;
    const pass = log.dialogs.length === 0 && log.errors.length === 0 && seen.injected === 0 && seen.panelTitle === want && /[<>]/.test(want)
      && /default-src 'self'/.test(seen.csp) && !/unsafe-inline/.test(seen.csp);
    return { pass, dialogs: log.dialogs, errors: log.errors, ...seen };
  },

  async tamper(env) {
    const copy = env.copyBundle('tampered');
    const d = doc(env);
    const art = d.artifacts.find((a) => a.visible !== false);
    const file = art.models[0].file;
    const glb = readFileSync(join(copy, file));
    // Change one byte that leaves the file parseable (a letter of the generator name in the
    // JSON chunk): the web profile must still draw the model and flag it. Flipping a byte
    // of compressed geometry instead makes the file undecodable, which tests something else.
    const jsonLen = glb.readUInt32LE(12);
    const at = glb.subarray(20, 20 + jsonLen).indexOf('"generator":"') + 20 + '"generator":"'.length;
    if (at < 20 + '"generator":"'.length) throw new Error(`${file} has no generator to change`);
    glb[at] = glb[at] === 0x58 ? 0x59 : 0x58; // 'X' or 'Y': still a letter, still valid JSON
    writeFileSync(join(copy, file), glb);
    const base = await env.serve(copy);
    const web = await newPage(env);
    await openViewer(web.page, base);
    await waitFor(web.page, () => window.vitrine.verification().status === 'tampered', null, 10000).catch(() => {});
    const webResult = await web.page.evaluate(() => ({ v: window.vitrine.verification(), notice: document.querySelector('.vt-notice').textContent, badge: document.querySelector('.vt-badge').textContent, state: window.vitrine.state() }));
    const kiosk = await newPage(env);
    await openViewer(kiosk.page, base + '?profile=kiosk');
    const kioskResult = await kiosk.page.evaluate(() => ({ v: window.vitrine.verification(), notice: document.querySelector('.vt-notice').textContent, state: window.vitrine.state(), visible: window.vitrine.app.groups.get(window.vitrine.state().refused[0] || '')?.visible }));
    // A changed manifest breaks the signature.
    const copy2 = env.copyBundle('resigned');
    const m = readFileSync(join(copy2, 'manifest.json'), 'utf8');
    writeFileSync(join(copy2, 'manifest.json'), m.replace(/"institution": "([^"]*)"/, '"institution": "Forged $1"'));
    const sig = await newPage(env);
    await openViewer(sig.page, await env.serve(copy2));
    await waitFor(sig.page, () => window.vitrine.verification().status !== 'unchecked', null, 10000).catch(() => {});
    const sigResult = await sig.page.evaluate(() => window.vitrine.verification());
    const pass = webResult.v.status === 'tampered' && webResult.v.files.includes(file) && webResult.notice.includes(file)
      && kioskResult.v.files.includes(file) && kioskResult.state.refused.includes(art.id) && kioskResult.visible === false && kioskResult.notice.includes(file)
      && webResult.state.levels[art.id] && sigResult.status === 'tampered' && sigResult.files.includes('manifest.json');
    return { pass, file, web: { verification: webResult.v, notice: webResult.notice, badge: webResult.badge }, kiosk: { verification: kioskResult.v, refused: kioskResult.state.refused, notice: kioskResult.notice }, signature: sigResult };
  },

  // From file:// the captions reach the track (a blob: URL of the embedded text, not media/*.vtt).
  async 'captions-file'(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, env.fileUrl());
    const ann = doc(env).annotations.find((a) => Object.values(a.audio || {}).some((c) => c.captions));
    await page.evaluate((id) => window.vitrine.openAnnotation(id), ann.id);
    await waitFor(page, () => !document.querySelector('.vt-panel').hidden);
    await page.evaluate(() => { document.querySelector('.vt-panel audio').textTracks[0].mode = 'hidden'; });
    const cues = await page.waitForFunction(() => {
      const t = document.querySelector('.vt-panel audio').textTracks[0];
      return t.cues && t.cues.length ? Array.from(t.cues, (c) => c.text) : null;
    }, null, { timeout: 10000, polling: 100 }).then((h) => h.jsonValue(), () => []);
    const src = await page.evaluate(() => document.querySelector('.vt-panel audio track').src.split(':')[0]);
    // The refused <track src> showed up only as a console error, so console errors fail too.
    const pass = cues.length > 0 && src === 'blob' && !log.errors.length && !log.console.length;
    return { pass, annotation: ann.id, cues, src, errors: log.errors, console: log.console };
  },

  async screenshot(env) {
    const out = env.opt('out') || join(process.cwd(), 'vitrine-screenshot.png');
    const { page, log } = await newPage(env);
    const lang = env.opt('lang');
    await openViewer(page, (await env.serve()) + (lang ? `?lang=${encodeURIComponent(lang)}` : ''));
    await sleep(1500);
    const ann = (await page.evaluate(() => window.vitrine.annotations()))[0];
    if (ann) await page.evaluate((id) => window.vitrine.openAnnotation(id), ann.id);
    await settledCamera(page);
    await sleep(300);
    await page.screenshot({ path: out });
    return { pass: !log.errors.length, out, errors: log.errors };
  },

  async touch(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, points) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
    const c0 = await page.evaluate(() => window.vitrine.camera());
    await touch('touchStart', [[320, 300]]);
    for (let i = 1; i <= 4; i++) await touch('touchMove', [[320 + i * 30, 300]]);
    await touch('touchEnd', []);
    const c1 = await settledCamera(page, 8000, 5e-3);
    await touch('touchStart', [[280, 300], [360, 300]]);
    for (let i = 1; i <= 4; i++) await touch('touchMove', [[280 - i * 20, 300], [360 + i * 20, 300]]);
    await touch('touchEnd', []);
    const c2 = await settledCamera(page, 8000, 5e-3);
    const r1 = dist(c1.eye, c1.target), r2 = dist(c2.eye, c2.target);
    const pass = dist(c0.eye, c1.eye) > 0.05 && r2 < r1 - 0.05 && !log.errors.length;
    return { pass, orbit: dist(c0.eye, c1.eye), distanceBefore: r1, distanceAfter: r2, errors: log.errors };
  },
};
