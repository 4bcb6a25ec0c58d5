// Entry point of viewer.js, the first script (classic IIFE): finds the exhibit data, draws the
// first levels of the models in #vitrine (view_core.js), then loads the rest of the viewer
// (viewer-ui.js, rest_loader.js) and upgrades window.vitrine (vitrine_early.js). 'loaded' fires once
// the rest is attached; 'ready' then too, unless the first script's view was turnable before
// (first_main.js), which this viewer then replaces; 'verified' (vitrine.verified) once the trust
// check of what is shown is done (a kiosk checks before it shows anything).
import './shared_exports.js';
import { dataMode, loadExhibitDocument, prefetchModel } from './exhibit_loader.js';
import { Language } from './language.js';
import { ManifestCheck } from './manifest_check.js';
import { VitrineAPI } from './vitrine_api.js';
import { ViewCore } from './view_core.js';
import { loadRest } from './rest_loader.js';
import { format, labelTable } from './i18n_labels.js';
import { checkDocument } from './document_check.js';
import { startHeartbeat } from './kiosk_heartbeat.js';
import { embedDocument } from './embed_view.js';

// window.vitrine as the first script (first_main.js) made it, upgraded in place.
const api = VitrineAPI.adopt(window.vitrine);
window.vitrine = api;
// The first script's view (first_main.js), drawn before three.js arrived: null when it drew none.
const firstView = window.VitrineFirst && window.VitrineFirst.view ? window.VitrineFirst : null;

/** The full viewer takes over from the first view: where the visitor turned it, then it goes. */
async function handOver(first, app) {
  first.settle();
  const cam = first.camera();
  if (cam.moved) {
    app.flight.cancel();
    app.camera.up.fromArray(cam.up);
    app.camera.position.fromArray(cam.eye);
    app.controls.target.fromArray(cam.target);
    app.controls.update();
  }
  await app.renderNow();
  first.retire();
}

function fail(root, message) {
  const box = document.createElement('div');
  box.className = 'vt-fatal';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  root.appendChild(box);
}

/** Kiosk: {reason, files} when the whole exhibit must be refused, else null. */
async function kioskRefusal(check, docBytes) {
  await check.ready;
  const reason = check.kioskRefusal();
  if (reason) return { reason, files: [] };
  // The exhibit document (when data/exhibit.js carries its text, or over http) and, over http,
  // the page files are hashed before anything is built; models are hashed before parsing.
  await check.checkDocument(docBytes);
  const files = check.result().files;
  return files.length ? { reason: 'files', files } : null;
}

/** What a refused kiosk keeps of the document: its languages and kiosk settings, no content. */
function closedDocument(doc) {
  const bundle = doc.bundle || {};
  return { languages: doc.languages, title: {}, bundle: { profile: 'kiosk', idle_timeout: bundle.idle_timeout, attract: 'rotate' },
    artifacts: [], annotations: [], tours: [], viewpoints: [], plinths: [], lights: [] };
}

async function boot() {
  let root = document.getElementById('vitrine');
  if (!root) { root = document.createElement('main'); root.id = 'vitrine'; document.body.appendChild(root); }
  root.classList.add('vt-root');
  const mode = dataMode();
  const params = new URLSearchParams(location.search);
  let app, markShown;
  const firstFrame = new Promise((resolve) => { markShown = resolve; });
  try {
    const { doc, bytes } = await loadExhibitDocument(mode);
    // The document must be the version this viewer reads, with the parts it needs (see the schema).
    const problem = checkDocument(doc);
    if (problem) {
      const L = labelTable((Array.isArray(doc && doc.languages) && doc.languages[0]) || navigator.language);
      const err = new Error(problem.kind === 'version'
        ? format(L.documentVersion, { found: problem.found, expected: problem.expected })
        : format(L.documentBroken, { problems: problem.problems.slice(0, 5).join(', ') }));
      err.documentCheck = problem;
      throw err;
    }
    // The coarsest level of each visible artifact is drawn first: start its download
    // before the WebGL context, scene and UI are built (a few hundred ms on a phone).
    for (const a of Array.isArray(doc.artifacts) ? doc.artifacts : []) {
      const first = a && a.visible !== false && Array.isArray(a.models) ? a.models[0] : null;
      if (first && first.file) prefetchModel(mode, first.file, first.bytes);
    }
    const kiosk = (doc.bundle && doc.bundle.profile === 'kiosk') || params.get('profile') === 'kiosk';
    // beat even when the exhibit is refused: the page is alive and its notice must stay up
    if (kiosk) startHeartbeat();
    const language = new Language(doc, { requested: params.get('lang'), kiosk });
    // The web profile downloads the manifest once the first frame is up (the kiosk before).
    const check = new ManifestCheck(mode, { after: kiosk ? null : firstFrame });
    api._attachCheck(check);
    // A kiosk shows nothing until the signed manifest has been checked, and nothing at all
    // when it cannot be trusted; the web profile shows at once and flags what fails.
    const closed = kiosk ? await kioskRefusal(check, bytes) : null;
    const embedded = root.dataset.embedArtifact;
    if (embedded) root.classList.add('vt-embed');
    const shown = closed ? closedDocument(doc) : embedded ? embedDocument(doc, embedded) : doc;
    const view = new ViewCore({ root, doc: shown, docBytes: bytes, mode, language, check, api, closed });
    // Once the first artifact is on screen, fetch the rest of the viewer (first in the queue:
    // ready waits on it) and the manifest, while the other first models finish.
    const rest = view.firstFrameShown.then(() => { const loading = loadRest(); markShown(); return loading; });
    rest.catch(() => {}); // handled below, once showFirst is done
    await view.showFirst();
    const { ViewerApp } = await rest;
    app = ViewerApp.upgrade(view);
    api._attach(app);
    await app.start();
    if (firstView) await handOver(firstView, app);
  } catch (err) {
    markShown(); // verification() still answers for a page that failed
    if (firstView) firstView.retire();
    const msg = (err && err.message) || String(err);
    fail(root, app || (err && err.documentCheck) ? msg : `${labelTable(navigator.language).loading} ${msg}`);
    api._fail(err);
    return;
  }
  api._settle('ready', null, api.state()); // already settled when the first view was turnable
  api._settle('loaded', null, api.state());
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot);
else boot();
