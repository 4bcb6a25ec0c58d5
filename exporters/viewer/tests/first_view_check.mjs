#!/usr/bin/env node
// The first view (src/first_view/) against the full viewer, in headless Chromium (SwiftShader):
//   node first_view_check.mjs (--url URL | --bundle DIR)... [--out DIR] [--width 390 --height 844 --dpr 1] [--throttle 4] [--gap MS] [--checks]
//   node first_view_check.mjs --size   (minified and brotli bytes of src/first_view/ bundled alone, its inputs)
// Opens the bundle's index.html (three.js viewer), waits for it to settle, and reads its frame at
// its camera; then draws the same models (the levels the viewer shows) with FirstView at the same
// camera on a page built here (esbuild, in memory) and prints one JSON line:
//   {timings (ms: create, models = addModel of all, firstFrame; --throttle N slows the CPU N times),
//    meanAbsDiff (0-255, RGB), worstBlock (mean abs diff of the worst 32x32 block), size, camera,
//    levels, boxes: {first, full}, pngs, errors, checks?, others: [the same for each further bundle]}
// --checks adds, on the same page: hostile GLBs (each must reject with a one-line Error, the
// other models still drawn), a drag (orbit about the target), wheel and pinch dolly limits,
// no-WebGL2 (create returns null) and dispose (context lost).
import { chromium } from 'playwright-core';
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import zlib, { brotliCompressSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ARGS, PREFIX, serve, settledCamera } from './check_helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name, d = null) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : d; };
const flag = (name) => argv.includes(`--${name}`);

// Test-only page script: FirstView plus GLB surgery for the hostile cases.
const ENTRY = `
import { FirstView } from '../src/first_view/first_view.js';
import { MIN_DISTANCE, MAX_DISTANCE } from '../src/orbit_settings.js';
window.FirstView = FirstView;
window.LIMITS = { MIN_DISTANCE, MAX_DISTANCE };
window.glbEdit = (buffer, edit) => {
  const dv = new DataView(buffer);
  const jsonLen = dv.getUint32(12, true);
  const json = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 20, jsonLen)));
  edit(json);
  let text = new TextEncoder().encode(JSON.stringify(json));
  const padded = new Uint8Array((text.length + 3) & ~3).fill(0x20); padded.set(text);
  const rest = new Uint8Array(buffer, 20 + jsonLen);
  const out = new Uint8Array(20 + padded.length + rest.length);
  const o = new DataView(out.buffer);
  o.setUint32(0, 0x46546c67, true); o.setUint32(4, 2, true); o.setUint32(8, out.length, true);
  o.setUint32(12, padded.length, true); o.setUint32(16, 0x4e4f534a, true);
  out.set(padded, 20); out.set(rest, 20 + padded.length);
  return out.buffer;
};
`;

async function fullViewer(browser, base, ctxOpts) {
  const context = await browser.newContext(ctxOpts);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  await page.goto(`${base}index.html`, { waitUntil: 'load', timeout: 120000 });
  await page.waitForFunction(() => window.vitrine && window.vitrine.ready, null, { timeout: 120000 });
  await page.evaluate(async () => { await window.vitrine.ready; await window.vitrine.verified; });
  await settledCamera(page);
  await page.waitForTimeout(1500); // the finer levels that follow at once
  const seen = await page.evaluate(() => {
    const app = window.vitrine.app;
    app.controls.update();
    const cam = { eye: app.camera.position.toArray(), target: app.controls.target.toArray(), up: app.camera.up.toArray(), fovDeg: app.camera.fov,
      near: app.camera.near, far: app.camera.far, viewOffset: !!(app.camera.view && app.camera.view.enabled) };
    const files = {};
    for (const [id, cur] of app.levels.current) {
      const a = app.doc.artifacts.find((x) => x.id === id);
      files[id] = a.models.find((m) => m.level === cur.level).file;
    }
    // world boxes as three's Box3.setFromObject (geometry boxes' corners under matrixWorld)
    const boxes = {};
    app.scene.updateMatrixWorld(true);
    for (const [id, g] of app.groups) {
      const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
      g.traverse((o) => {
        if (!o.geometry) return;
        o.geometry.computeBoundingBox();
        const b = o.geometry.boundingBox, m = o.matrixWorld.elements;
        for (let c = 0; c < 8; c++) {
          const p = [c & 1 ? b.max.x : b.min.x, c & 2 ? b.max.y : b.min.y, c & 4 ? b.max.z : b.min.z];
          for (let i = 0; i < 3; i++) {
            const v = m[i] * p[0] + m[4 + i] * p[1] + m[8 + i] * p[2] + m[12 + i];
            lo[i] = Math.min(lo[i], v); hi[i] = Math.max(hi[i], v);
          }
        }
      });
      if (lo[0] <= hi[0]) boxes[id] = { min: lo, max: hi };
    }
    const canvas = app.renderer.domElement;
    app.renderer.render(app.scene, app.camera);
    return { cam, files, boxes, png: canvas.toDataURL('image/png'), size: [canvas.width, canvas.height] };
  });
  await context.close();
  return { ...seen, errors };
}

async function firstView(browser, base, ctxOpts, full, script, checks) {
  const context = await browser.newContext(ctxOpts);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message || e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const at = `${base}__first/`;
  await page.route(`${at}**`, (route) => {
    const url = route.request().url();
    if (url.endsWith('first.js')) return route.fulfill({ contentType: 'text/javascript', body: script });
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><html><body style="margin:0"><script src="first.js"></script></body></html>' });
  });
  await page.goto(`${at}index.html`, { waitUntil: 'load' });
  const throttle = Number(opt('throttle', 1));
  if (throttle > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const drawn = await page.evaluate(async ({ full, gap }) => {
    const doc = await (await fetch('../exhibit.json')).json();
    const canvas = document.createElement('canvas');
    canvas.width = full.size[0]; canvas.height = full.size[1];
    canvas.style.cssText = `width:${innerWidth}px;height:${innerHeight}px;display:block`;
    document.body.appendChild(canvas);
    window.glbs = {};
    for (const [id, file] of Object.entries(full.files)) window.glbs[id] = await (await fetch(`../${file}`)).arrayBuffer();
    // ms of each step (models parsed one after the other; the page fetched them beforehand)
    // ms of each step, the frames until their pixels are done (a 1-pixel read); the page
    // fetched the models beforehand and FirstView parses them all at once
    const done = (v) => v.gl.readPixels(0, 0, 1, 1, v.gl.RGBA, v.gl.UNSIGNED_BYTE, new Uint8Array(4));
    const t0 = performance.now();
    const view = window.FirstView.create(canvas, doc);
    const t1 = performance.now();
    window.view = view; window.doc = doc;
    view.setCamera(full.cam);
    await new Promise((r) => setTimeout(r, gap)); // --gap: the models' download, which compiling may overlap
    const t1b = performance.now();
    await Promise.all(Object.keys(full.files).map((id) => view.addModel(id, window.glbs[id].slice(0))));
    const t2 = performance.now();
    view.render();
    done(view);
    const t3 = performance.now();
    view.render();
    done(view);
    const timings = { create: t1 - t0, models: t2 - t1b, firstFrame: t3 - t2, secondFrame: performance.now() - t3 };
    view.render();
    const png = canvas.toDataURL('image/png');
    const pixels = async (url) => {
      const img = new Image(); img.src = url; await img.decode();
      const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      return g.getImageData(0, 0, c.width, c.height);
    };
    const a = await pixels(png), b = await pixels(full.png);
    const w = a.width, h = a.height, B = 32;
    const diff = new ImageData(w, h);
    let sum = 0;
    const blocks = new Map();
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
      const k = (y * w + x) * 4;
      let d = 0;
      for (let c = 0; c < 3; c++) d += Math.abs(a.data[k + c] - b.data[k + c]);
      sum += d;
      const key = `${Math.floor(x / B)},${Math.floor(y / B)}`;
      blocks.set(key, (blocks.get(key) || 0) + d);
      diff.data[k] = diff.data[k + 1] = diff.data[k + 2] = Math.min(255, d * 4 / 3); diff.data[k + 3] = 255;
    }
    let worst = 0, worstAt = null;
    for (const [key, v] of blocks) { const m = v / (3 * B * B); if (m > worst) { worst = m; worstAt = key; } }
    const dc = document.createElement('canvas'); dc.width = w; dc.height = h; dc.getContext('2d').putImageData(diff, 0, 0);
    return { timings, png, diffPng: dc.toDataURL('image/png'), meanAbsDiff: sum / (3 * w * h), worstBlock: worst, worstAt, boxes: view.boxes() };
  }, { full, gap: Number(opt('gap', 0)) });
  let checked = null;
  if (checks) checked = await runChecks(page, context);
  await context.close();
  return { ...drawn, checks: checked, errors };
}

async function runChecks(page, context) {
  const out = {};
  out.hostile = await page.evaluate(async () => {
    // a textured level when there is one (the image case needs it)
    const hasImage = ([, b]) => new TextDecoder().decode(new Uint8Array(b, 20, new DataView(b).getUint32(12, true))).includes('"images"');
    const [id, glb] = Object.entries(window.glbs).find(hasImage) || Object.entries(window.glbs)[0];
    const before = (() => { window.view.render(); return window.view.canvas.toDataURL('image/png'); })();
    const edit = (fn) => window.glbEdit(glb.slice(0), fn);
    const views = (j) => j.bufferViews;
    const cases = {
      truncated: glb.slice(0, Math.floor(glb.byteLength / 2)),
      badMagic: (() => { const b = glb.slice(0); new Uint8Array(b)[0] ^= 0xff; return b; })(),
      garbage: new Uint8Array(4096).map((_, i) => (i * 2654435761) >>> 24).buffer,
      accessorOutOfRange: edit((j) => { j.accessors[0].count = j.accessors[0].count * 64; }),
      accessorIndex: edit((j) => { j.meshes[0].primitives[0].attributes.POSITION = 999; }),
      bufferViewPastChunk: edit((j) => { const v = views(j).find((x) => x.extensions); v.extensions.EXT_meshopt_compression.byteOffset = 1 << 30; }),
      plainViewPastChunk: edit((j) => { views(j).push({ buffer: 0, byteOffset: 1 << 20, byteLength: 1 << 20 }); j.accessors[0].bufferView = views(j).length - 1; delete j.accessors[0].byteOffset; }),
      absurdCount: edit((j) => { const v = views(j).find((x) => x.extensions); v.extensions.EXT_meshopt_compression.count = 2 ** 31; }),
      // the first compressed stream's header byte (0xa0 | version): the decoder refuses it
      corruptStream: (() => {
        const b = new Uint8Array(glb.slice(0)); const dv = new DataView(b.buffer); const jl = dv.getUint32(12, true);
        const j = JSON.parse(new TextDecoder().decode(b.subarray(20, 20 + jl)));
        const ext = views(j).find((x) => x.extensions).extensions.EXT_meshopt_compression;
        b[20 + jl + 8 + (ext.byteOffset || 0)] = 0x55;
        return b.buffer;
      })(),
      nodeCycle: edit((j) => { j.nodes[0].children = [0]; }),
      nullPrimitive: edit((j) => { j.meshes[0].primitives = [null]; }),
      // the base colour image's bytes no longer a JPEG/PNG: createImageBitmap refuses them
      badImage: (() => {
        const b = new Uint8Array(glb.slice(0)); const dv = new DataView(b.buffer); const jl = dv.getUint32(12, true);
        const j = JSON.parse(new TextDecoder().decode(b.subarray(20, 20 + jl)));
        if (!j.images) return null;
        const v = j.bufferViews[j.images[0].bufferView];
        b.fill(0x33, 20 + jl + 8 + (v.byteOffset || 0), 20 + jl + 8 + (v.byteOffset || 0) + v.byteLength);
        return b.buffer;
      })(),
      indexPastVertices: edit((j) => { const p = j.meshes[0].primitives[0]; if (p.indices !== undefined) j.accessors[p.indices].count = 3; j.accessors[p.attributes.POSITION].count = 1; }),
    };
    const results = {};
    for (const [name, buf] of Object.entries(cases)) {
      if (!buf) { results[name] = { skipped: 'no image in this level' }; continue; }
      const t0 = performance.now();
      const outcome = await Promise.race([
        window.view.addModel(id, buf).then(() => ({ resolved: true }), (e) => ({ error: e instanceof Error, message: String(e && e.message) })),
        new Promise((r) => setTimeout(() => r({ hang: true }), 10000)),
      ]);
      results[name] = { ...outcome, ms: Math.round(performance.now() - t0) };
    }
    window.view.render();
    const after = window.view.canvas.toDataURL('image/png');
    return { results, unchanged: before === after, boxes: Object.keys(window.view.boxes()).length };
  });
  // the camera once the controls' damping has settled (their frame loop has stopped)
  const settled = () => page.evaluate(() => new Promise((done) => {
    const wait = () => (window.view.controls.frame ? requestAnimationFrame(wait) : done(window.view.getCamera()));
    wait();
  }));
  // orbit: a drag turns about the target at the same distance
  const box = await page.evaluate(() => { const r = window.view.canvas.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2]; });
  const cam0 = await page.evaluate(() => window.view.getCamera());
  await page.mouse.move(box[0], box[1]);
  await page.mouse.down();
  for (let k = 1; k <= 5; k++) await page.mouse.move(box[0] + 20 * k, box[1] + 6 * k);
  await page.mouse.up();
  const cam1 = await settled();
  out.drag = { before: cam0, after: cam1 };
  // arrow keys on the focused canvas: a pan (target and eye move together)
  await page.evaluate(() => { window.view.canvas.tabIndex = 0; window.view.canvas.focus(); });
  await page.keyboard.press('ArrowLeft');
  out.keyPan = { before: cam1, after: await settled() };
  // wheel: in to the limit, then out to the limit
  await page.mouse.move(box[0], box[1]);
  for (let k = 0; k < 40; k++) await page.mouse.wheel(0, -2000);
  out.wheelIn = await settled();
  for (let k = 0; k < 40; k++) await page.mouse.wheel(0, 4000);
  out.wheelOut = await settled();
  // pinch (two touches moving apart, then together) through CDP touch events
  const cdp = await context.newCDPSession(page);
  const touch = async (type, pts) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: pts.map(([x, y], id) => ({ x, y, id })) });
  await page.evaluate(() => window.view.setCamera({ eye: [0, 1.2, 2], target: [0, 1, 0], up: [0, 1, 0], fovDeg: 45 }));
  const [cx, cy] = box;
  await touch('touchStart', [[cx - 20, cy], [cx + 20, cy]]);
  for (let k = 1; k <= 8; k++) await touch('touchMove', [[cx - 20 - 15 * k, cy], [cx + 20 + 15 * k, cy]]);
  await touch('touchEnd', []);
  out.pinchOut = await settled(); // fingers apart: closer
  await touch('touchStart', [[cx - 150, cy], [cx + 150, cy]]);
  for (let k = 1; k <= 8; k++) await touch('touchMove', [[cx - 150 + 18 * k, cy], [cx + 150 - 18 * k, cy]]);
  await touch('touchEnd', []);
  out.pinchIn = await settled();
  out.limits = await page.evaluate(() => window.LIMITS);
  out.noWebGL = await page.evaluate(() => {
    const c = document.createElement('canvas');
    c.getContext('2d'); // a canvas with another context gives no webgl2 one
    return window.FirstView.create(c, window.doc) === null;
  });
  out.disposed = await page.evaluate(() => { const gl = window.view.gl; window.view.dispose(); return gl.isContextLost(); });
  return out;
}

async function compare(browser, base, ctxOpts, script, checks, outDir) {
  const full = await fullViewer(browser, base, ctxOpts);
  const first = await firstView(browser, base, ctxOpts, full, script, checks);
  mkdirSync(outDir, { recursive: true });
  const save = (name, url) => { const p = join(outDir, name); writeFileSync(p, Buffer.from(url.split(',')[1], 'base64')); return p; };
  const pngs = { full: save('full.png', full.png), first: save('first.png', first.png), diff: save('diff.png', first.diffPng) };
  return { timings: first.timings, meanAbsDiff: first.meanAbsDiff, worstBlock: first.worstBlock, worstAt: first.worstAt, size: full.size,
    camera: full.cam, levels: full.files, boxes: { first: first.boxes, full: full.boxes }, pngs,
    errors: { full: full.errors, first: first.errors }, checks: first.checks };
}

/** --size: the first view's modules bundled alone as the first script would carry them. */
async function size() {
  const built = await build({ entryPoints: [join(here, '..', 'src', 'first_view', 'first_view.js')], bundle: true, minify: true,
    format: 'esm', write: false, metafile: true, logLevel: 'silent', absWorkingDir: resolve(here, '..') });
  const bytes = built.outputFiles[0].contents;
  const inputs = Object.keys(built.metafile.inputs).map((p) => p.replace(/^.*node_modules\//, ''));
  console.log(JSON.stringify({ minified: bytes.length, brotli: brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length, inputs }));
}

async function main() {
  if (flag('size')) return size();
  const width = Number(opt('width', 390)), height = Number(opt('height', 844)), dpr = Number(opt('dpr', 1));
  const outDir = resolve(opt('out', '/tmp/first-view-check'));
  // every --url (or --bundle, served here) is compared; --checks run on the first one's page
  const bases = [], servers = [];
  for (let i = 0; i < argv.length - 1; i++) {
    if (argv[i] === '--url') bases.push(argv[i + 1]);
    if (argv[i] === '--bundle') {
      const server = await serve(resolve(argv[i + 1]));
      servers.push(server);
      bases.push(`http://127.0.0.1:${server.address().port}${PREFIX}`);
    }
  }
  const built = await build({ stdin: { contents: ENTRY, resolveDir: here, loader: 'js' }, bundle: true, format: 'iife', write: false, logLevel: 'silent' });
  const script = built.outputFiles[0].text;
  const browser = await chromium.launch({ executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
  try {
    const ctxOpts = { viewport: { width, height }, deviceScaleFactor: dpr, isMobile: true, hasTouch: true };
    const results = [];
    for (const [k, url] of bases.entries()) {
      const base = new URL('.', url.endsWith('/') ? url : `${url.replace(/\/index\.html$/, '')}/`).href;
      results.push(await compare(browser, base, ctxOpts, script, k === 0 && flag('checks'), k ? join(outDir, String(k)) : outDir));
    }
    console.log(JSON.stringify({ ...results[0], others: results.slice(1) }));
  } catch (err) {
    console.log(JSON.stringify({ error: String(err && err.stack || err).split('\n').slice(0, 4).join(' | ') }));
  } finally {
    await browser.close();
    for (const server of servers) server.close();
  }
}
main();
