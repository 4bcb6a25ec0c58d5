// Deep links: index.html#annotation=ID, #tour=ID&step=N (1-based), #artifact=ID and #lang=TAG
// open the exhibit there, and the address follows the visitor (history.replaceState), so any
// view can be shared. The trust pin (#key=SHA256:…) is kept as it was. Values that name nothing
// in this exhibit, or an address too long to be a link, are ignored.
import * as THREE from 'three';

const MAX_HASH = 2048;
const KNOWN = ['annotation', 'tour', 'step', 'artifact', 'lang'];

/** {annotation, tour, step, artifact, lang, key} from a hash; unknown or repeated-later keys ignored. */
export function parseHash(hash) {
  const text = String(hash || '').replace(/^#/, '');
  const out = {};
  if (!text || text.length > MAX_HASH) return out;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq);
    if (!KNOWN.includes(name) && name !== 'key') continue;
    let value;
    try { value = decodeURIComponent(part.slice(eq + 1)); } catch (_) { continue; }
    if (!(name in out)) out[name] = value;
  }
  return out;
}

const enc = (v) => encodeURIComponent(v);

/** The hash for a view: its parts, then the pin exactly as it was in the address (if any). */
export function buildHash(view, rawKey) {
  const parts = [];
  if (view.annotation) parts.push(`annotation=${enc(view.annotation)}`);
  else if (view.tour) parts.push(`tour=${enc(view.tour)}`, `step=${view.step}`);
  else if (view.artifact) parts.push(`artifact=${enc(view.artifact)}`);
  if (view.lang) parts.push(`lang=${enc(view.lang)}`);
  if (rawKey != null) parts.push(`key=${rawKey}`);
  return parts.length ? `#${parts.join('&')}` : '';
}

/** The pin's text as written in the address (not re-encoded, so it stays byte-identical). */
export function rawKeyPart(hash) {
  const text = String(hash || '').replace(/^#/, '');
  if (text.length > MAX_HASH) return null;
  for (const part of text.split('&')) if (part.startsWith('key=')) return part.slice(4);
  return null;
}

/** A view that frames one artifact (its bounding box from the document). */
export function artifactView(a) {
  const t = (a.transform && a.transform.translation) || [0, 0, 0];
  const d = a.dimensions || [0.5, 0.5, 0.5];
  const c = new THREE.Vector3(t[0], t[1] + d[1] / 2, t[2]);
  const r = Math.max(0.1, Math.hypot(d[0], d[1], d[2]) / 2);
  return { id: null, eye: [c.x, c.y + r * 0.4, c.z + r * 2.6], target: c.toArray(), up: [0, 1, 0], fov: 0.8 };
}

export class DeepLinks {
  /** app: the ViewerApp (annotations, artifacts, tour, L, api, goToViewpoint). */
  constructor(app) {
    this.app = app;
    this.view = {};
    this.applying = false;
  }

  install() {
    const { api } = this.app;
    const follow = (fn) => (e) => { if (!this.applying) { fn(e.detail || {}); this.write(); } };
    // a tour step opens its annotation: the address keeps naming the tour and step
    api.addEventListener('annotationopen', follow((d) => { if (!this.app.tour.active) this.view = { annotation: d.id }; }));
    api.addEventListener('annotationclose', follow(() => { if (!this.app.tour.active) this.view = {}; }));
    api.addEventListener('tourstep', follow((d) => { this.view = { tour: d.id, step: d.index + 1 }; }));
    api.addEventListener('tourend', follow(() => { this.view = {}; }));
    api.addEventListener('languagechange', () => this.write());
    window.addEventListener('hashchange', () => this.apply(location.hash));
    this.apply(location.hash);
  }

  /** Open what the hash names; anything that names nothing here is left alone. */
  apply(hash) {
    const app = this.app;
    const want = parseHash(hash);
    this.applying = true;
    try {
      if (want.lang && app.L.available.includes(want.lang) && want.lang !== app.L.current) app.setLanguage(want.lang);
      const tour = want.tour != null && app.tour.tours.find((t) => t.id === want.tour);
      if (want.annotation != null && app.annotations.has(want.annotation)) {
        app.openAnnotation(want.annotation);
        this.view = { annotation: want.annotation };
      } else if (tour) {
        const n = /^[0-9]{1,4}$/.test(want.step || '') ? Number(want.step) : 1;
        const index = Math.min(Math.max(n, 1), tour.steps.length) - 1;
        app.startTour(tour.id);
        if (index > 0) app.tour.go(index);
        this.view = { tour: tour.id, step: index + 1 };
      } else if (want.artifact != null && app.artifacts.has(want.artifact)) {
        app.closeAnnotation();
        app.goToViewpoint(artifactView(app.artifacts.get(want.artifact)));
        this.view = { artifact: want.artifact };
      }
    } finally { this.applying = false; }
    this.write();
  }

  /** history.replaceState with the current view, the language when it is not the default, the pin. */
  write() {
    const app = this.app;
    if (location.hash.length > MAX_HASH) return; // a hostile address: leave it (and any pin in it) alone
    const lang = app.L.current !== app.L.defaultTag ? app.L.current : null;
    const hash = buildHash({ ...this.view, lang }, rawKeyPart(location.hash));
    if (hash === location.hash || (!hash && !location.hash)) return;
    try { history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`); } catch (_) { /* file:// on some browsers */ }
  }
}
