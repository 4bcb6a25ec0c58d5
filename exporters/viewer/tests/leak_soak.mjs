#!/usr/bin/env node
// Soak runs of an exported bundle in headless Chromium: counts what the page holds (DOM nodes,
// event listeners, documents, JS heap after GC, three.js renderer.info, live blob: URLs) before
// and after many visitor cycles, so leaks show as growth. Counts, not timings.
//   node leak_soak.mjs BUNDLE_DIR --scenario visitor|tour|levels|kiosk|phone [--cycles N] [--hours H] [--json OUT]
// visitor: each cycle opens and closes every annotation, switches the language there and back,
//   starts a tour, steps it twice and stops it, and rebuilds the hotspots' XR markers.
// tour:    each cycle plays every tour through to its end (steps advanced with next()).
// levels:  each cycle swaps every artifact's model to its coarsest level and back (three.js resources);
//          served over http on 127.0.0.1 (from file:// a model's script copy is read once).
// kiosk:   the kiosk profile on the browser clock (page.clock): each simulated hour a visitor
//   touches the screen and runs a cycle, then the idle timeout resets the page and the attract
//   loop runs; --hours H of that. Also shows and clears a kiosk notice.
// phone:   the visitor cycle in a 390x844 touch viewport.
// Prints one JSON line {scenario, cycles, hours, baseline, after, growth, perCycle, perHour, samples, errors}.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARGS, PREFIX, serve } from './check_helpers.mjs';

const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const bundle = resolve(argv[0] || '');
const scenario = opt('scenario', 'visitor');
const cycles = Number(opt('cycles', scenario === 'kiosk' ? 0 : 100));
const hours = Number(opt('hours', scenario === 'kiosk' ? 24 : 0));
const KEYS = ['nodes', 'listeners', 'documents', 'heapKB', 'geometries', 'textures', 'programs', 'blobUrls'];

/** GC twice, then the counters (nodes/listeners/documents from Memory.getDOMCounters). */
async function measure(page, cdp) {
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0))).catch(() => {});
  for (let i = 0; i < 2; i++) await cdp.send('HeapProfiler.collectGarbage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const info = await page.evaluate(() => window.vitrine.debugInfo());
  return { nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents, heapKB: Math.round(heap.usedSize / 1024),
    geometries: info.renderer.geometries, textures: info.renderer.textures, programs: info.renderer.programs, blobUrls: info.blobUrls };
}

/** One visitor: every annotation opened and closed, the language switched and back, a tour started,
 * stepped twice and stopped, the XR markers rebuilt (as entering XR does). */
async function visitorCycle(page) {
  await page.evaluate(async () => {
    const v = window.vitrine;
    for (const a of v.annotations()) { v.openAnnotation(a.id); v.closeAnnotation(); }
    const langs = v.languages();
    for (const tag of [...langs.slice(1), langs[0]]) v.setLanguage(tag);
    const tours = v.tours();
    if (tours.length) { v.startTour(tours[0].id); v.nextStep(); v.nextStep(); v.stopTour(); }
    v.app.hotspots.buildMarkers();
    v.app.hotspots.disposeMarkers();
    await new Promise((ok) => setTimeout(ok, 0));
  });
}

async function tourCycle(page) {
  await page.evaluate(() => {
    const v = window.vitrine;
    for (const t of v.tours()) {
      v.startTour(t.id);
      for (let i = 0; i < 50 && v.state().tour; i++) v.nextStep();
    }
  });
}

/** Level swaps: every artifact with several levels goes to its coarsest and back to its finest model,
 * rendered each time (renderer.info counts what has been drawn). */
let swaps = 0;
async function levelCycle(page) {
  swaps += await page.evaluate(async () => {
    const app = window.vitrine.app;
    let n = 0;
    for (const p of app.levels.plan) {
      if (p.models.length < 2) continue;
      await app.levels.loadOne(p.artifact, p.models[0], () => {});
      await app.renderNow();
      await app.levels.loadOne(p.artifact, p.models[p.models.length - 1], () => {});
      await app.renderNow();
      n += 2;
    }
    return n;
  });
}

function summarise(baseline, after, n, per) {
  const growth = {}, rate = {};
  for (const k of KEYS) { growth[k] = after[k] - baseline[k]; rate[k] = n ? +(growth[k] / n).toFixed(3) : 0; }
  return { growth, [per]: rate };
}

async function main() {
  const profileDir = mkdtempSync(join(tmpdir(), 'vitrine-soak-'));
  const phone = scenario === 'phone';
  const kiosk = scenario === 'kiosk';
  const errors = [];
  let context, out, server;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
      viewport: phone ? { width: 390, height: 844 } : kiosk ? { width: 480, height: 360 } : { width: 800, height: 600 }, deviceScaleFactor: 1,
      isMobile: phone, hasTouch: phone, locale: 'en-US',
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e.message || e)));
    if (kiosk) await page.clock.install();
    if (scenario === 'levels') {
      server = await serve(bundle);
      await page.goto(`http://127.0.0.1:${server.address().port}${PREFIX}index.html`);
    } else await page.goto(pathToFileURL(join(bundle, 'index.html')).href + (kiosk ? '?profile=kiosk' : ''));
    if (kiosk) {
      // The fake clock only moves when told to: let loading's timers and frames run.
      for (let i = 0; i < 100; i++) {
        await page.clock.runFor(200);
        if (await page.evaluate(() => !!(window.vitrine && window.vitrine.app && window.vitrine.app.timings.readyAt))) break;
      }
    }
    await page.evaluate(() => window.vitrine.loaded);
    const cdp = await context.newCDPSession(page);
    const samples = [];
    if (kiosk) {
      const idle = await page.evaluate(() => window.vitrine.app.kioskMode.idleSeconds);
      const hour = async () => {
        await page.mouse.move(200, 200); await page.mouse.move(300, 250);
        await page.mouse.down(); await page.mouse.up(); // a visitor touches the screen: the attract loop ends
        await visitorCycle(page);
        await page.evaluate(() => { const a = window.vitrine.app; a.ui.showNotice(a.L.labelAll('mediaRefused', { files: 'x' })); a.ui.showNotice(''); });
        await page.clock.fastForward((idle + 1) * 1000); // idle: reset for the next visitor, attract starts
        await page.clock.runFor(120); // some attract frames (each is slow on a software renderer)
        await page.clock.fastForward(3600 * 1000 - (idle + 2) * 1000);
      };
      await hour(); // warm-up: first uses create lazily made caches (shaders, label tables)
      const baseline = await measure(page, cdp);
      for (let h = 1; h <= hours; h++) {
        await hour();
        if (h % Math.max(1, Math.floor(hours / 4)) === 0 || h === hours) samples.push({ hour: h, ...(await measure(page, cdp)) });
      }
      const after = samples.length ? samples[samples.length - 1] : baseline;
      out = { scenario, cycles: hours, hours, baseline, after, ...summarise(baseline, after, hours, 'perHour'), samples,
        attract: await page.evaluate(() => window.vitrine.state().attract) };
    } else {
      const cycle = { tour: tourCycle, levels: levelCycle }[scenario] || visitorCycle;
      await cycle(page); await cycle(page); // warm-up, as above
      const baseline = await measure(page, cdp);
      for (let c = 1; c <= cycles; c++) {
        await cycle(page);
        if (c % Math.max(1, Math.floor(cycles / 4)) === 0 || c === cycles) samples.push({ cycle: c, ...(await measure(page, cdp)) });
      }
      const after = samples.length ? samples[samples.length - 1] : baseline;
      out = { scenario, cycles, hours: 0, baseline, after, ...summarise(baseline, after, cycles, 'perCycle'), samples, swaps };
    }
  } catch (err) {
    out = { scenario, error: String(err && err.stack || err).slice(0, 2000) };
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) server.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  out.errors = errors;
  const line = JSON.stringify(out);
  console.log(line);
  if (opt('json')) writeFileSync(opt('json'), line + '\n');
  process.exit(out.error ? 1 : 0);
}

main();
