#!/usr/bin/env node
// Slow-phone load of one page, cold, N times: Vitrine (window.vitrine.ready) or a
// @google/model-viewer page (its 'load' event, then one animation frame).
//   node phone_load.mjs URL --kind vitrine|model-viewer [--runs N]
// Profile (WEBXR-TESTING.md): 390x844 touch, 4x CPU, 1.6 Mbps down, 150 ms RTT; each run a fresh
// browser context: an empty HTTP cache, enabled (a first visit), for both kinds alike.
// Prints one JSON line {kind, runs: [{readyMs, firstFrameMs, restMs (Vitrine: viewer-ui.js attached), loadedMs (Vitrine: vitrine.loaded), bytesBeforeFirstFrame, requests,
//   before: [{name, bytes, start, end}] (fetched before the first frame), after: [...]}], errors}.
// Times are ms since navigation start; bytes are transfer sizes (headers + encoded bodies; 0 from the cache).
import { chromium } from 'playwright-core';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const url = argv.find((a) => /^https?:/.test(a));
const kind = opt('kind', 'vitrine');
const runs = Number(opt('runs', '5'));
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

async function visit(browser) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  // A first visit: a fresh context (empty HTTP cache) with the cache ENABLED, as in a phone's
  // browser; a second read of the same file within the visit may come from that cache.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  if (kind === 'model-viewer') {
    await page.addInitScript(() => {
      window.__mv = { loadAt: null, frameAt: null };
      document.addEventListener('load', (e) => {
        if (e.target && e.target.tagName === 'MODEL-VIEWER' && window.__mv.loadAt == null) {
          window.__mv.loadAt = performance.now();
          requestAnimationFrame(() => requestAnimationFrame(() => { window.__mv.frameAt = performance.now(); }));
        }
      }, true);
    });
  }
  await page.goto(url, { waitUntil: 'commit', timeout: 240000 });
  let ready, first, rest = null, loaded = null, verifiedAt = null, verifiedStatus = null;
  if (kind === 'vitrine') {
    // ready: shown and turnable (the first script's view, or the full viewer where it draws none);
    // loaded: the whole viewer attached. The first frame with an artifact, whichever drew it.
    await page.waitForFunction(() => window.vitrine && window.vitrine.timings && window.vitrine.timings.loadedAt != null, null, { timeout: 240000, polling: 50 });
    ({ ready, first, rest, loaded } = await page.evaluate(() => {
      const e = window.vitrine.timings, t = window.vitrine.app.timings;
      return { ready: e.readyAt, first: e.firstFrameAt != null ? e.firstFrameAt : t.firstArtifactFrameAt, rest: t.restAt, loaded: e.loadedAt };
    }));
    // the trust outcome (vitrine.verified) follows ready in the web profile
    verifiedAt = await page.evaluate(async () => { await window.vitrine.verified; return performance.now(); });
    verifiedStatus = await page.evaluate(() => window.vitrine.verification().status);
  } else {
    await page.waitForFunction(() => window.__mv && window.__mv.frameAt != null, null, { timeout: 240000, polling: 50 });
    ({ ready, first } = await page.evaluate(() => ({ ready: window.__mv.loadAt, first: window.__mv.frameAt })));
  }
  const bytes = await page.evaluate((at) => {
    const size = (r) => r.transferSize || 0; // as transferred: 0 for a read from the HTTP cache
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= at);
    // What came before the first frame, in order of request: path, bytes, start/end (ms).
    const rows = [nav, ...res].map((r) => ({ name: new URL(r.name).pathname.replace(/^\//, '') || 'index.html', bytes: size(r),
      start: Math.round(r.startTime || r.fetchStart || 0), end: Math.round(r.responseEnd) }));
    const after = performance.getEntriesByType('resource').filter((r) => r.responseEnd > at)
      .map((r) => ({ name: new URL(r.name).pathname.replace(/^\//, ''), bytes: size(r), start: Math.round(r.startTime), end: Math.round(r.responseEnd) }));
    return { bytes: size(nav) + res.reduce((a, r) => a + size(r), 0), requests: 1 + res.length, before: rows, after };
  }, first);
  await context.close();
  return { readyMs: Math.round(ready), verifiedMs: verifiedAt == null ? null : Math.round(verifiedAt), verified: verifiedStatus, firstFrameMs: Math.round(first), restMs: rest == null ? null : Math.round(rest), loadedMs: loaded == null ? null : Math.round(loaded), bytesBeforeFirstFrame: bytes.bytes, requests: bytes.requests, before: bytes.before, after: bytes.after, errors };
}

async function main() {
  const browser = await chromium.launch({ executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  const result = { kind, runs: [], errors: [] };
  try {
    for (let i = 0; i < runs; i++) result.runs.push(await visit(browser));
  } catch (err) {
    result.errors.push(String(err && err.stack || err).slice(0, 1500));
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(result));
  process.exit(result.errors.length ? 1 : 0);
}

main();
