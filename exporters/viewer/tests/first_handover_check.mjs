#!/usr/bin/env node
// The first script's view and its hand-over to the full viewer (first_main.js, main.js), in
// Chromium on a 390×844 touch phone:
//   node first_handover_check.mjs --url URL --annotation ID
// turned:   viewer.js is held back until the test lets it through: at ready the first view is on
//           screen alone; a one-finger drag turns it, damped (the camera after the drag, one frame
//           later, settled); the full viewer then starts from that camera;
// midway:   the same drag, viewer.js let through while its motion still damps out;
// still:    nobody touches it: the full viewer's start camera is the first view's; then the same
//           drag on the full viewer (OrbitControls) and its settled camera;
// kiosk:    ?profile=kiosk: no first view ever (a kiosk checks before it shows);
// deeplink: #annotation=ID opens there: no first view.
// Prints one JSON line {turned, midway, still, kiosk, deeplink}.
import { chromium } from 'playwright-core';
import { reportFromChromium, settledCamera } from './check_helpers.mjs';

const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : null; };

// Records whether a first view was ever put in the page, and its canvas (was its context given back?).
const WATCH = () => {
  window.__first = { seen: false, canvas: null };
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.classList && n.classList.contains('vt-first')) {
        window.__first.seen = true;
        window.__first.canvas = n.querySelector('canvas');
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

async function open(browser, url, { hold = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(WATCH);
  let release = () => {};
  if (hold) {
    const gate = new Promise((r) => { release = r; });
    await page.route('**/viewer.js', async (route) => { await gate; await route.continue(); });
  }
  await page.goto(url, { waitUntil: 'commit', timeout: 120000 });
  await page.waitForFunction(() => window.vitrine && window.vitrine.timings && window.vitrine.timings.readyAt != null, null, { timeout: 120000, polling: 50 });
  return { context, page, errors, release };
}

const atReady = () => ({
  app: !!window.vitrine.app, firstView: document.querySelectorAll('.vt-first canvas').length,
  poster: !!document.querySelector('.vt-poster.vt-done'), camera: window.VitrineFirst ? window.VitrineFirst.camera() : null,
  loadedYet: window.vitrine.timings.loadedAt != null,
});

const atLoaded = async () => {
  await window.vitrine.loaded;
  return { camera: window.vitrine.camera(), firstViewLeft: document.querySelectorAll('.vt-first').length,
    canvases: document.querySelectorAll('canvas').length, seen: window.__first.seen,
    lost: window.__first.canvas ? window.__first.canvas.getContext('webgl2').isContextLost() : null,
    timings: { ...window.vitrine.timings }, restAt: window.vitrine.app.timings.restAt };
};

// one finger across the middle of the screen (touch events, as a phone sends them): the same pixels on both viewers
async function drag(context, page) {
  const cdp = await context.newCDPSession(page);
  const touch = (type, x, y) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  await touch('touchStart', 150, 420);
  for (let i = 1; i <= 8; i++) await touch('touchMove', 150 + i * 12, 420);
  await touch('touchEnd', 0, 0);
}

// the first view's camera once its damping has stopped (no frame loop left)
const firstSettled = () => new Promise((done) => {
  const wait = () => (window.VitrineFirst.view.controls.frame ? requestAnimationFrame(wait) : done(window.VitrineFirst.camera()));
  wait();
});

// the camera right after the drag and one animation frame later (the controls' loop, asked
// for before this one, steps first), and whether motion was still pending
const dragAndNextFrame = () => new Promise((done) => {
  const afterDrag = window.VitrineFirst.camera();
  const pending = !!window.VitrineFirst.view.controls.frame;
  requestAnimationFrame(() => done({ afterDrag, nextFrame: window.VitrineFirst.camera(), pending }));
});

async function turned(browser, url) {
  const { context, page, errors, release } = await open(browser, url, { hold: true });
  const ready = await page.evaluate(atReady);
  await drag(context, page);
  const { afterDrag, nextFrame, pending } = await page.evaluate(dragAndNextFrame);
  const settled = await page.evaluate(firstSettled);
  release();
  const loaded = await page.evaluate(atLoaded);
  await context.close();
  return { ready, afterDrag, nextFrame, pending, settled, loaded, errors };
}

// viewer.js let through while the drag's motion is still damping out: the hand-over finishes it
async function midway(browser, url) {
  const { context, page, errors, release } = await open(browser, url, { hold: true });
  await drag(context, page);
  const pending = await page.evaluate(() => !!window.VitrineFirst.view.controls.frame);
  release();
  const loaded = await page.evaluate(atLoaded);
  await context.close();
  return { pending, loaded, errors };
}

// nobody touches the first view; then the same drag on the full viewer (OrbitControls, damped)
async function still(browser, url) {
  const { context, page, errors, release } = await open(browser, url, { hold: true });
  const ready = await page.evaluate(atReady);
  release();
  const loaded = await page.evaluate(atLoaded);
  await settledCamera(page, 20000, 1e-5);
  await drag(context, page);
  const fullDragged = await settledCamera(page, 20000, 1e-5);
  await context.close();
  return { ready, loaded, fullDragged, errors };
}

async function without(browser, url) {
  const { context, page, errors } = await open(browser, url);
  const loaded = await page.evaluate(atLoaded);
  await context.close();
  return { loaded, errors };
}

reportFromChromium(chromium, async (browser, result) => {
  const url = opt('url');
  result.turned = await turned(browser, url);
  result.midway = await midway(browser, url);
  result.still = await still(browser, url);
  result.kiosk = await without(browser, url.replace(/index\.html.*$/, 'index.html?profile=kiosk'));
  result.deeplink = await without(browser, `${url.replace(/#.*$/, '')}#annotation=${encodeURIComponent(opt('annotation'))}`);
});
