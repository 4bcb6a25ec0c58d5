#!/usr/bin/env node
// Measures how an exported bundle loads in Debian's headless Chromium (playwright-core).
//   node measure_load.mjs URL [--runs N] [--slow-phone] [--timeout-ms MS]
// Prints one JSON line: {profile, runs: [{firstFrameMs, firstLevel, readyMs, finestLevel,
// finestMs, bytesBeforeFirstFrame, requestsBeforeFirstFrame, ...}], errors}. All times are
// ms since navigation start, read from the viewer's own marks (window.vitrine.state().timings)
// and the page's resource timings, which share one clock. Every run is a cold visit (HTTP
// cache disabled). --slow-phone: 4x CPU throttling, 1.6 Mbps / 150 ms RTT, a phone viewport.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const url = argv.find((a) => /^https?:/.test(a));
const runs = Number(opt('runs', '3'));
const slow = argv.includes('--slow-phone');
const timeout = Number(opt('timeout-ms', slow ? '180000' : '60000'));
if (!url) { console.error('usage: measure_load.mjs URL [--runs N] [--slow-phone] [--timeout-ms MS]'); process.exit(2); }

// As browser_checks.mjs (see /work/shared/WEBXR-TESTING.md): SwiftShader WebGL, no background traffic.
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const PHONE = { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 720 }, isMobile: false, hasTouch: false };

/** One cold visit; resolves with the figures once the finest planned level is drawn (or on timeout). */
async function visit(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) {
    // Throttling applies to the page whose CDP session sent it: set it before navigating.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 0.75e6 / 8 });
  }
  await page.goto(url, { waitUntil: 'commit', timeout });
  await page.waitForFunction(() => window.vitrine && window.vitrine.app && window.vitrine.app.timings.readyAt != null, null, { timeout, polling: 50 });
  // The finest level this page plans to show (its ModelLevels plan honours screen size and ?lod=).
  const finestLevel = await page.evaluate(() => {
    const plan = window.vitrine.app.levels.plan;
    return plan.length ? plan[0].models[plan[0].models.length - 1].level : null;
  });
  let finestShown = true;
  if (finestLevel) {
    finestShown = await page.waitForFunction((lvl) => window.vitrine.state().timings.levelFrameAt[lvl] != null, finestLevel, { timeout, polling: 100 })
      .then(() => true, () => false);
  }
  // the web profile's trust outcome follows ready (vitrine.verified): the figures report it
  await page.evaluate(() => window.vitrine.verified.catch(() => {}));
  const figures = await page.evaluate(() => {
    const s = window.vitrine.state();
    const t = s.timings, early = window.vitrine.timings;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    // the first frame with the artifact: the first script's view where there is one, else three's
    const first = early.firstFrameAt != null ? early.firstFrameAt : t.firstArtifactFrameAt;
    const done = res.filter((r) => r.responseEnd <= first);
    const inflight = res.filter((r) => r.startTime < first && r.responseEnd > first);
    const size = (r) => r.transferSize || r.encodedBodySize || 0;
    const name = (r) => new URL(r.name).pathname.split('/').slice(-2).join('/');
    return {
      firstFrameMs: first, firstLevel: t.firstArtifactLevel, readyMs: early.readyAt, loadedMs: early.loadedAt,
      levelFrameMs: t.levelFrameAt, levelLoadedMs: t.levelAt,
      bytesBeforeFirstFrame: size(nav) + done.reduce((a, r) => a + size(r), 0),
      requestsBeforeFirstFrame: 1 + done.length, inflightAtFirstFrame: inflight.map(name),
      timeline: [{ name: 'index.html', start: 0, end: nav.responseEnd, bytes: size(nav) },
        ...res.map((r) => ({ name: name(r), start: r.startTime, end: r.responseEnd, bytes: size(r) }))],
      domContentLoadedMs: nav.domContentLoadedEventEnd, verification: s.mode === 'fetch' ? window.vitrine.verification().status : null,
    };
  });
  const round = (v) => (typeof v === 'number' ? Math.round(v) : v);
  const out = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, typeof v === 'object' && v && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).map(([a, b]) => [a, round(b)])) : round(v)]));
  out.timeline = figures.timeline.map((r) => ({ ...r, start: Math.round(r.start), end: Math.round(r.end) }));
  out.finestLevel = finestLevel;
  out.finestMs = finestShown && finestLevel ? out.levelFrameMs[finestLevel] : null;
  out.errors = errors;
  await page.close();
  return out;
}

async function main() {
  const profile = mkdtempSync(join(tmpdir(), 'vitrine-load-'));
  let context;
  const result = { profile: slow ? 'slow-phone' : 'desktop', runs: [], errors: [] };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
      deviceScaleFactor: 1, ...(slow ? PHONE : DESKTOP),
    });
    for (let i = 0; i < runs; i++) result.runs.push(await visit(context));
  } catch (err) {
    result.errors.push(String(err && err.stack || err).slice(0, 1500));
  } finally {
    if (context) await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(JSON.stringify(result));
  process.exit(result.errors.length ? 1 : 0);
}

main();
