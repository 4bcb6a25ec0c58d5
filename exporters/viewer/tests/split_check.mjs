#!/usr/bin/env node
// The two viewer scripts (viewer.js first, viewer-ui.js after the first frame), in Chromium:
//   node split_check.mjs --http URL --file FILE_URL --tampered URL [--tampered-main URL] [--nowebgl URL]
// http:     every request with its start and end (ms since navigation) and the viewer's timings
//           (firstArtifactFrameAt, restAt, readyAt), the verification, errors;
// file:     the same bundle from file:// (no SRI there, data/manifest.js loaded as a script);
// tampered: a bundle whose viewer-ui.js carries an appended payload: whether it ran, how the
//           page failed (vitrine.loaded's rejection, the fatal notice);
// tampered-main: the same with viewer.js altered (the first view is drawn before it is refused);
// nowebgl:  the bundle in a browser without WebGL: the same failure record.
// Prints one JSON line {http, file, tampered, tampered_main, nowebgl}.
import { chromium } from 'playwright-core';
import { reportFromChromium } from './check_helpers.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : null; };

async function open(browser, url, { fails = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [], consoleErrors = [], asked = [];
  page.on('request', (r) => asked.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  await page.goto(url, { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => !!(window.vitrine && window.vitrine.loaded), null, { timeout: 120000 });
  const outcome = await page.evaluate(() => window.vitrine.loaded.then(() => 'loaded', (e) => `rejected: ${e && e.message}`));
  if (fails) {
    const verified = await page.evaluate(() => window.vitrine.verified.then(() => 'verified', (e) => `rejected: ${e && e.message}`));
    const ready = await page.evaluate(() => window.vitrine.ready.then(() => 'ready', (e) => `rejected: ${e && e.message}`));
    const seen = await page.evaluate(() => ({ outcome: null, pwned: window.__vitrinePwned === true, rest: !!window.VitrineRest,
      canvases: document.querySelectorAll('canvas').length,
      fatal: (document.querySelector('.vt-fatal') || {}).textContent || '',
      poster: !!document.querySelector('.vt-poster.vt-done') }));
    await context.close();
    return { ...seen, outcome, verified, ready, errors, consoleErrors };
  }
  // the web profile's trust outcome (signature, file hashes) comes after ready: wait for it
  await page.evaluate(() => window.vitrine.verified);
  const seen = await page.evaluate(() => {
    const t = window.vitrine.app.timings;
    const base = new URL('.', location.href).href;
    const rel = (u) => (u.startsWith(base) ? u.slice(base.length).split('?')[0] : u);
    const nav = performance.getEntriesByType('navigation')[0];
    // transfer: bytes over the network (0: read from the HTTP cache)
    const requests = [nav, ...performance.getEntriesByType('resource')].map((r) => ({ name: rel(r.name), start: r.startTime, end: r.responseEnd,
      transfer: r.transferSize, body: r.encodedBodySize }));
    const e = window.vitrine.timings; // the first script's: its view's first frame, ready, loaded
    return { timings: { firstArtifactFrameAt: t.firstArtifactFrameAt, shownAt: t.shownAt, restAt: t.restAt, readyAt: t.readyAt, verifiedAt: t.verifiedAt },
      early: { firstFrameAt: e.firstFrameAt == null ? null : e.firstFrameAt, readyAt: e.readyAt, loadedAt: e.loadedAt },
      firstViewLeft: document.querySelectorAll('.vt-first').length,
      requests, verification: window.vitrine.verification(), rest: !!window.VitrineRest, hasManifestGlobal: !!window.VITRINE_MANIFEST,
      hotspots: document.querySelectorAll('.vt-hotspot').length, toolbar: !!document.querySelector('.vt-toolbar') };
  });
  const base = new URL('.', url).href;
  await context.close();
  // every request (file:// loads have no resource timing entries), relative to the page
  seen.asked = asked.map((u) => (u.startsWith(base) ? u.slice(base.length).split('?')[0] : u));
  return { ...seen, outcome, errors, consoleErrors };
}

reportFromChromium(chromium, async (browser, result) => {
  if (opt('http')) result.http = await open(browser, opt('http'));
  if (opt('file')) result.file = await open(browser, opt('file'));
  if (opt('tampered')) result.tampered = await open(browser, opt('tampered'), { fails: true });
  if (opt('tampered-main')) result.tampered_main = await open(browser, opt('tampered-main'), { fails: true });
  if (opt('nowebgl')) {
    // a browser without WebGL: the viewer says so (it has no separate probe; the renderer fails)
    const bare = await chromium.launch({ executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true,
      args: ['--no-sandbox', '--disable-3d-apis', '--disable-webgl', '--disable-webgl2'] });
    try { result.nowebgl = await open(bare, opt('nowebgl'), { fails: true }); } finally { await bare.close(); }
  }
});
