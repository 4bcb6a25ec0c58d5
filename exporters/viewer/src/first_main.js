// Entry point of viewer-first.js, the small first script (no three.js). It makes window.vitrine
// (vitrine_early.js) and, on a web page served over http(s), draws the start view from the
// coarsest level of each visible artifact with WebGL 2 (first_view/) and lets the visitor turn
// it: vitrine.ready. Then it loads viewer.js (three.js and the whole viewer), which takes over
// where the visitor left the camera (main.js handOver). Everywhere else (a kiosk, which checks
// before it shows; file://; deep links, which open elsewhere; no WebGL 2) it loads viewer.js at
// once and the full viewer says ready itself.
import { VitrineEarly } from './vitrine_early.js';
import { loadModelBytes, safePath } from './exhibit_loader.js';
import { startCamera } from './start_camera.js';
import { bufferRatio } from './framing_rule.js';
import { parseHash } from './deep_links.js';
import { format, labelTable } from './i18n_labels.js';
import { FirstView } from './first_view/first_view.js';

/* global __VITRINE_MAIN_INTEGRITY__ */
const MAIN_FILE = 'viewer.js';
const MAIN_INTEGRITY = typeof __VITRINE_MAIN_INTEGRITY__ === 'string' ? __VITRINE_MAIN_INTEGRITY__ : '';
// Longest wait for the first models before the view is drawn without the late ones.
const HOLD_MS = 1000;
const SELF = document.currentScript && document.currentScript.src;

const api = new VitrineEarly();
window.vitrine = api;

/** viewer.js, next to this script; over http(s) only with the SHA-384 build.mjs computed. */
function loadMain() {
  return new Promise((resolve, reject) => {
    const el = document.createElement('script');
    el.src = new URL(MAIN_FILE, SELF || document.baseURI).href;
    if (/^https?:$/.test(location.protocol) && MAIN_INTEGRITY) el.integrity = MAIN_INTEGRITY;
    el.async = true;
    el.onload = () => resolve();
    el.onerror = () => reject(new Error(`${MAIN_FILE} could not be loaded (missing or altered)`));
    document.head.appendChild(el);
  });
}

/** The document data/exhibit.js carried, or null (viewer.js then finds it or says why not). */
function earlyDocument() {
  try {
    if (typeof window.VITRINE_EXHIBIT_JSON === 'string') return JSON.parse(window.VITRINE_EXHIBIT_JSON);
    return window.VITRINE_EXHIBIT && typeof window.VITRINE_EXHIBIT === 'object' ? window.VITRINE_EXHIBIT : null;
  } catch (_) { return null; }
}

/** [artifact, path of its coarsest level] for each visible artifact the first view draws. */
function firstModels(doc) {
  const out = [];
  for (const a of Array.isArray(doc.artifacts) ? doc.artifacts : []) {
    const m = a && a.visible !== false && Array.isArray(a.models) ? a.models[0] : null;
    if (!m || !m.file) continue;
    try { out.push([a, safePath(m.file)]); } catch (_) { /* viewer.js reports an unsafe path */ }
  }
  return out;
}

/** Whether this page gets a first view (see the header). */
function wanted(doc, root) {
  if (!doc || !/^https?:$/.test(location.protocol) || root.dataset.embedArtifact) return false;
  const params = new URLSearchParams(location.search);
  if (params.get('data') === 'script' || params.get('profile') === 'kiosk') return false;
  if (doc.bundle && doc.bundle.profile === 'kiosk') return false;
  const link = parseHash(location.hash);
  if (link.annotation || link.tour || link.artifact) return false;
  return firstModels(doc).length > 0;
}

/** Draws the first view in root; resolves to window.VitrineFirst's object once every first model
 * is drawn (or failed), or null when it drew none (viewer.js then shows what went wrong). */
async function firstView(doc, root) {
  const stage = document.createElement('div');
  stage.className = 'vt-first';
  const canvas = document.createElement('canvas');
  canvas.className = 'vt-canvas';
  canvas.setAttribute('role', 'img');
  canvas.tabIndex = 0; // its arrow keys turn the view, as the full viewer's do
  const title = doc.title && typeof doc.title === 'object' ? doc.title : {};
  const lang = (Array.isArray(doc.languages) && doc.languages[0]) || Object.keys(title)[0];
  canvas.setAttribute('aria-label', String(title[lang] || Object.values(title)[0] || 'Exhibit'));
  stage.appendChild(canvas);
  root.appendChild(stage);
  const view = FirstView.create(canvas, doc);
  if (!view) { stage.remove(); return null; }
  let observer = null, drawn = 0;
  // No frame of the empty room before the first models or HOLD_MS: with a software compositor
  // each frame costs main-thread time the models' parsing needs (view_core.js). Models that
  // arrive in time are drawn in one frame.
  let holding = true;
  const models = new Map(); // rel -> Promise<ArrayBuffer>, taken over by viewer.js
  const shared = {
    view, moved: false,
    hasModel: (rel) => models.has(rel),
    takeModel(rel) { const p = models.get(rel); models.delete(rel); return p; },
    camera: () => ({ ...view.getCamera(), moved: shared.moved }),
    // the hand-over: motion still damping out is applied at once, so the full viewer starts where it would have settled
    settle() { if (shared.view) view.controls.finish(); },
    retire() {
      if (!shared.view) return;
      shared.view = null;
      if (observer) observer.disconnect();
      view.dispose();
      stage.remove();
    },
  };
  window.VitrineFirst = shared;
  // its orbit controls work from the start (first_controls.js); it draws each move itself
  view.onChange = () => { shared.moved = true; };
  const render = () => {
    if (!shared.view) return;
    view.render();
    if (drawn && api.timings.firstFrameAt == null) {
      api.timings.firstFrameAt = performance.now();
      for (const el of document.querySelectorAll('.vt-poster')) el.classList.add('vt-done');
    }
  };
  const size = () => {
    const w = Math.max(1, stage.clientWidth), h = Math.max(1, stage.clientHeight);
    const ratio = bufferRatio(w, h);
    // setting a canvas's size, even to the same, reallocates its drawing buffer
    if (canvas.width !== Math.round(w * ratio)) canvas.width = Math.round(w * ratio);
    if (canvas.height !== Math.round(h * ratio)) canvas.height = Math.round(h * ratio);
    // the start view is framed again for the new shape until the visitor has moved it
    const start = startCamera(doc, w / h);
    view.setCamera(shared.moved ? { ...view.getCamera(), fovDeg: start.fovDeg } : start);
  };
  try {
    size();
    observer = new ResizeObserver(() => { size(); if (!holding) render(); });
    observer.observe(stage);
    const began = performance.now();
    const loads = firstModels(doc).map(([a, rel]) => {
      const bytes = loadModelBytes('fetch', rel);
      models.set(rel, bytes);
      bytes.catch(() => {}); // viewer.js takes these bytes and reports a failure
      return bytes.then((b) => view.addModel(a.id, b))
        .then(() => { drawn += 1; if (!holding) render(); return true; }, () => false);
    });
    const all = Promise.all(loads);
    await Promise.race([all, new Promise((r) => setTimeout(r, Math.max(0, HOLD_MS - (performance.now() - began))))]);
    holding = false;
    render();
    if (!(await all).some(Boolean)) throw new Error('no first model could be drawn');
    return shared;
  } catch (_) {
    shared.retire();
    return null;
  }
}

async function boot() {
  let root = document.getElementById('vitrine');
  if (!root) { root = document.createElement('main'); root.id = 'vitrine'; document.body.appendChild(root); }
  const doc = earlyDocument();
  let first = null;
  if (wanted(doc, root)) {
    first = await firstView(doc, root);
    if (first) api._settle('ready', null, { firstView: true });
  }
  try {
    await loadMain();
  } catch (err) {
    // missing, or refused by its pin: an altered viewer.js never runs, and nothing stays shown
    if (first) first.retire();
    const box = document.createElement('div');
    box.className = 'vt-fatal';
    box.setAttribute('role', 'alert');
    const lang = new URLSearchParams(location.search).get('lang') || (doc && Array.isArray(doc.languages) && doc.languages[0]) || navigator.language;
    box.lang = lang;
    box.textContent = format(labelTable(lang).scriptRefused, { file: MAIN_FILE });
    root.appendChild(box);
    api._fail(err);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
