// Shared helpers for the browser checks.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

export const PREFIX = '/museum/exhibit/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json',
  '.glb': 'model/gltf-binary', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.wav': 'audio/wav', '.vtt': 'text/vtt', '.sig': 'text/plain',
  '.svg': 'image/svg+xml', '.usdz': 'model/vnd.usdz+zip' };

/** Tiny static server: the folder root under /museum/exhibit/ on 127.0.0.1 (resolves to the server). */
export function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(PREFIX)) { res.writeHead(404); res.end(); return; }
    const rel = decodeURIComponent(url.pathname.slice(PREFIX.length)) || 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--autoplay-policy=no-user-gesture-required', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

/** Opens a page that records errors, dialogs and requests. */
export async function newPage(env, { init = [], reducedMotion } = {}) {
  const page = await env.context.newPage();
  const log = { errors: [], console: [], dialogs: [], requests: [] };
  page.on('pageerror', (e) => log.errors.push(String(e.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') log.console.push(m.text()); });
  page.on('dialog', (d) => { log.dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  page.on('request', (r) => log.requests.push(r.url()));
  for (const script of init) await page.addInitScript(script);
  if (reducedMotion) await page.emulateMedia({ reducedMotion });
  return { page, log };
}

/** Goes to url and waits for vitrine.loaded (the whole viewer) and its trust outcome; returns {ms, state}. */
export async function openViewer(page, url, timeout = 60000) {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.vitrine && window.vitrine.loaded, null, { timeout });
  // ready: shown and interactive; the checks read verification(), so wait for the trust outcome too
  const state = await page.evaluate(async () => { await window.vitrine.loaded; await window.vitrine.verified; return window.vitrine.state(); });
  return { ms: Date.now() - t0, state };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function waitFor(page, fn, arg, timeout = 20000) {
  await page.waitForFunction(fn, arg, { timeout, polling: 100 });
}

/** Camera once it has stopped moving. */
export async function settledCamera(page, timeout = 8000, tol = 1e-4) {
  const t0 = Date.now();
  const read = () => page.evaluate(() => ({ ...window.vitrine.camera(), flying: window.vitrine.state().flying }));
  let prev = await read();
  let stable = 0;
  for (;;) {
    await sleep(200);
    const cur = await read();
    stable = !cur.flying && dist(cur.eye, prev.eye) < tol && dist(cur.target, prev.target) < tol ? stable + 1 : 0;
    if (stable >= 2) return { eye: cur.eye, target: cur.target };
    if (Date.now() - t0 > timeout) return cur;
    prev = cur;
  }
}

export const dist = (a, b) => Math.hypot(...a.map((v, i) => v - b[i]));
export const colorDistance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/** The iwer runtime (test-only bundle) and an init script that installs a Quest 3. */
export function iwerInit(env, { sem = false } = {}) {
  const runtime = readFileSync(join(env.here, '..', 'dist', 'iwer-runtime.js'), 'utf8');
  const floor = readFileSync(join(env.here, 'sem_floor.json'), 'utf8');
  const install = `
    (() => {
      const { XRDevice, metaQuest3, SyntheticEnvironmentModule } = window.VitrineIWER;
      const device = new XRDevice(metaQuest3);
      device.installRuntime({ forceInstall: true });
      ${sem ? `device.installSEM(SyntheticEnvironmentModule); device.sem.loadEnvironment(${floor});` : ''}
      window.__xrDevice = device;
    })();`;
  return [runtime, install];
}

/** Artifact pixels vs background pixel, read from the WebGL canvas right after a render. */
export async function pixelProbe(page, artifactIds) {
  return page.evaluate((ids) => {
    const d = window.vitrine.debug;
    const out = { artifacts: {}, background: null };
    for (const id of ids) { const p = d.project(id); out.artifacts[id] = { at: [Math.round(p.x), Math.round(p.y)], rgba: d.pixel(p.x, p.y) }; }
    const w = window.vitrine.app.width;
    out.background = { at: [Math.round(w / 2), 12], rgba: d.pixel(w / 2, 12) };
    return out;
  }, artifactIds);
}

/** Press and release the right controller's trigger, each held for a few XR frames (robust on a loaded machine). */
export async function xrSelect(page, frames = 3) {
  const waitFrames = async () => {
    const start = await page.evaluate(() => window.vitrine.state().xrFrames);
    await waitFor(page, (n) => window.vitrine.state().xrFrames >= n, start + frames, 20000);
  };
  await page.evaluate(() => window.__xrDevice.controllers.right.updateButtonValue('trigger', 1));
  await waitFrames();
  await page.evaluate(() => window.__xrDevice.controllers.right.updateButtonValue('trigger', 0));
  await waitFrames();
}

/** Launches headless Chromium (ARGS), runs work(browser, result) and prints result as one JSON
 * line, with result.error set when work threw: the form the pytest side reads. */
export async function reportFromChromium(chromium, work) {
  const browser = await chromium.launch({ executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  const result = {};
  try {
    await work(browser, result);
  } catch (err) {
    result.error = String(err && err.stack || err).slice(0, 1500);
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(result));
}
