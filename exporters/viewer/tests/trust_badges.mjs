#!/usr/bin/env node
// Opens bundles (honest or attacked) in headless Chromium and reports, per scenario, what a
// visitor sees of the trust check: the verification result, the badge and notice text, and
// what the scene holds. One browser for all scenarios.
//   node trust_badges.mjs SCENARIOS.json OUT.json
// SCENARIOS.json: [{name, bundle, via: 'http'|'file', pin?: 'SHA256:…', kiosk?: bool, lang?: tag, noEd25519?: bool,
//   openPanel?: bool (then also panel: {img, audio: URL scheme or null, media})}]
// OUT.json (a scenario with fails: {outcome, fatal, canvases, requests}): {name: {verification, badge, badgeStatus, notice, noticeLines, noticeHidden, levels,
//   refused, closed, annotations, hotspots, tours, models, levelEvents, statusAtFirstModel,
//   firstArtifactFrameAt, readyAt, errors}}
import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARGS, PREFIX, newPage, serve } from './check_helpers.mjs';

// Runs before the viewer: records every levelchange with the trust status at that moment, so a
// test can tell whether a kiosk parsed and added a model before (or despite) the check.
const RECORDER = `(() => {
  window.__trustLog = { levels: [], statusAtFirstModel: null };
  let api;
  Object.defineProperty(window, 'vitrine', { configurable: true, get: () => api, set: (v) => {
    api = v;
    v.addEventListener('levelchange', (e) => {
      const status = v.verification().status;
      if (window.__trustLog.statusAtFirstModel === null) window.__trustLog.statusAtFirstModel = status;
      window.__trustLog.levels.push({ ...e.detail, status });
    });
  } });
})();`;

// A browser without Ed25519 in Web Crypto (older Safari/Firefox): importKey refuses the algorithm.
const NO_ED25519 = `(() => {
  const importKey = SubtleCrypto.prototype.importKey;
  SubtleCrypto.prototype.importKey = function (format, data, algorithm, ...rest) {
    const name = typeof algorithm === 'string' ? algorithm : algorithm && algorithm.name;
    if (String(name).toLowerCase() === 'ed25519') return Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
    return importKey.call(this, format, data, algorithm, ...rest);
  };
})();`;

/** Waits until every check the viewer will make of the first models and page files is done. */
async function settle(page, mode) {
  await page.waitForFunction(() => window.vitrine && window.vitrine.loaded, null, { timeout: 60000 });
  await page.evaluate(async () => { await window.vitrine.loaded; await window.vitrine.app.check.ready; });
  await page.waitForFunction((fetchMode) => {
    const app = window.vitrine.app, check = app.check, media = window.vitrine.state().media;
    if (media.gated && !media.checked) return false;
    if (app.closed || !check.manifest) return true;
    const seen = (p) => check.checked.has(p) || check.bad.has(p);
    const firstFiles = app.levels.plan.map((p) => p.models[0].file);
    const pageFiles = (fetchMode ? ['index.html'] : app.docBytes ? ['exhibit.json'] : []).filter((p) => check.entry(p));
    return [...firstFiles, ...pageFiles].every(seen);
  }, mode === 'http', { timeout: 60000, polling: 100 });
}

async function look(page) {
  return page.evaluate(() => {
    const v = window.vitrine, app = v.app, notice = document.querySelector('.vt-notice');
    const visible = (el) => !!el && !el.hidden && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
    let models = 0;
    for (const g of app.groups.values()) g.traverse((o) => { if ((o.isMesh || o.isPoints) && g.visible) models += 1; });
    return {
      verification: v.verification(),
      badge: document.querySelector('.vt-badge').textContent,
      badgeStatus: document.querySelector('.vt-badge').dataset.status,
      badgeTitle: document.querySelector('.vt-badge').title,
      notice: notice.hidden ? '' : document.querySelector('.vt-notice-text').textContent,
      noticeLines: notice.hidden ? [] : [...document.querySelectorAll('.vt-notice-text > span')].map((s) => ({ lang: s.lang, text: s.textContent })),
      noticeHidden: notice.hidden,
      levels: v.state().levels,
      refused: v.state().refused,
      closed: v.state().closed,
      profile: v.state().profile,
      annotations: v.annotations().length,
      hotspots: [...document.querySelectorAll('.vt-hotspot')].filter(visible).length,
      tours: v.tours().length,
      models,
      levelEvents: window.__trustLog.levels,
      statusAtFirstModel: window.__trustLog.statusAtFirstModel,
      // ms since navigation start: what the kiosk's wait for the check costs
      firstArtifactFrameAt: Math.round(v.state().timings.firstArtifactFrameAt || 0), readyAt: Math.round(v.state().timings.readyAt || 0),
    };
  });
}

/** A page that failed to load: vitrine.loaded's rejection, the notice, what is left on screen. */
async function refusal(page) {
  // !!: a returned (rejected) promise would be awaited by waitForFunction itself
  await page.waitForFunction(() => !!(window.vitrine && window.vitrine.loaded), null, { timeout: 60000 });
  return page.evaluate(async () => ({
    outcome: await window.vitrine.loaded.then(() => 'loaded', (e) => `rejected: ${e && e.message}`),
    fatal: [...document.querySelectorAll('.vt-fatal')].map((el) => ({ lang: el.lang, text: el.textContent })),
    canvases: document.querySelectorAll('canvas').length,
  }));
}

/** Opens the first annotation: which media the panel shows, and from what kind of URL. */
async function openFirstPanel(page) {
  return page.evaluate(() => {
    const v = window.vitrine;
    v.openAnnotation(v.annotations()[0].id);
    const img = document.querySelector('.vt-panel img'), audio = document.querySelector('.vt-panel audio');
    const scheme = (u) => (u ? u.split(':')[0] : null);
    return { img: img ? scheme(img.src) : null, audio: audio ? scheme(audio.src) : null, media: v.state().media };
  });
}

async function main() {
  const [scenarioFile, outFile] = process.argv.slice(2);
  if (!scenarioFile || !outFile) { console.error('usage: trust_badges.mjs SCENARIOS.json OUT.json'); process.exit(2); }
  const scenarios = JSON.parse(readFileSync(scenarioFile, 'utf8'));
  const profileDir = mkdtempSync(join(tmpdir(), 'vitrine-chromium-'));
  const servers = [];
  const out = {};
  let context;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
      viewport: { width: 640, height: 480 }, deviceScaleFactor: 1, locale: 'en-US',
    });
    /** One scenario on its own page (and its own server for http). */
    const visit = async (s) => {
      let url;
      if (s.via === 'file') url = pathToFileURL(join(resolve(s.bundle), 'index.html')).href;
      else { const server = await serve(resolve(s.bundle)); servers.push(server); url = `http://127.0.0.1:${server.address().port}${PREFIX}`; }
      const query = [s.kiosk ? 'profile=kiosk' : '', s.lang ? `lang=${encodeURIComponent(s.lang)}` : ''].filter(Boolean).join('&');
      if (query) url += `?${query}`;
      if (s.pin) url += `#key=${s.pin}`;
      const { page, log } = await newPage({ context }, { init: s.noEd25519 ? [NO_ED25519, RECORDER] : [RECORDER] });
      try {
        await page.goto(url, { waitUntil: 'load' });
        if (s.fails) {
          // a page that must refuse to run at all: how it failed, and what it still shows
          out[s.name] = { url, ...(await refusal(page)), requests: log.requests.filter((u) => !u.startsWith(url.split(PREFIX)[0])), errors: log.errors };
          await page.close();
          return;
        }
        await settle(page, s.via === 'file' ? 'file' : 'http');
        const seen = await look(page);
        out[s.name] = { url, ...seen, panel: s.openPanel ? await openFirstPanel(page) : null, errors: log.errors };
      } catch (err) {
        out[s.name] = { url, error: String(err && err.stack || err).slice(0, 1500), errors: log.errors };
      }
      await page.close();
    };
    // A few pages at once: a page spends much of its time waiting (fetches, the check's hashing,
    // the first frames), so the scenarios overlap; VITRINE_TRUST_PAGES=1 opens them one by one.
    const queue = scenarios.slice();
    const lanes = Math.max(1, Number(process.env.VITRINE_TRUST_PAGES || 3));
    await Promise.all(Array.from({ length: lanes }, async () => { while (queue.length) await visit(queue.shift()); }));
  } finally {
    if (context) await context.close().catch(() => {});
    for (const s of servers) s.close();
    rmSync(profileDir, { recursive: true, force: true });
  }
  writeFileSync(outFile, JSON.stringify(out, null, 1) + '\n');
  const failed = Object.entries(out).filter(([, r]) => r.error).map(([n]) => n);
  console.log(JSON.stringify({ scenarios: scenarios.length, failed }));
  process.exit(failed.length ? 1 : 0);
}

main();
