// Loads the viewer document and model bytes, over http(s) with fetch (with
// download progress) or, from file:// where fetch is blocked, through classic
// <script> tags that set window.VITRINE_EXHIBIT / window.VITRINE_MODEL_DATA.

export function dataMode(loc = window.location) {
  const forced = new URLSearchParams(loc.search).get('data');
  if (forced === 'script' || forced === 'fetch') return forced;
  return loc.protocol === 'file:' ? 'script' : 'fetch';
}

export async function loadExhibitDocument(mode) {
  // data/exhibit.js may carry the exact exhibit.json text as a string: then its bytes can be
  // hashed against the signed manifest even from file:// (where nothing can be read back).
  const text = window.VITRINE_EXHIBIT_JSON;
  if (typeof text === 'string') return { doc: JSON.parse(text), bytes: new TextEncoder().encode(text).buffer };
  // index.html has already run data/exhibit.js (a classic script, before viewer.js): use
  // that copy rather than wait a round trip for exhibit.json. Both are in the signed
  // manifest; ManifestCheck.checkDocument hashes both as served.
  if (mode === 'fetch' && window.VITRINE_EXHIBIT) return { doc: window.VITRINE_EXHIBIT, bytes: null };
  if (mode === 'fetch') {
    try {
      const response = await fetch('exhibit.json', { cache: 'no-cache' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const bytes = await response.arrayBuffer();
      return { doc: JSON.parse(new TextDecoder().decode(bytes)), bytes };
    } catch (err) {
      if (!window.VITRINE_EXHIBIT) throw err;
    }
  }
  if (!window.VITRINE_EXHIBIT) throw new Error('exhibit data missing (data/exhibit.js did not load)');
  return { doc: window.VITRINE_EXHIBIT, bytes: null };
}

/** Relative, safe path from the exhibit document (no scheme, no "..", no absolute path). */
export function safePath(path) {
  const p = String(path || '');
  if (!p || /^[a-z][a-z0-9+.-]*:/i.test(p) || p.startsWith('/') || p.startsWith('\\') || p.split(/[\\/]/).includes('..')) {
    throw new Error(`Unsafe path in exhibit: ${p}`);
  }
  return p;
}

function base64ToBuffer(b64) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(b64).buffer;
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out.buffer;
}

const scriptLoads = new Map();
/** Run a classic script of the bundle once (file:// cannot fetch, but scripts load). */
export function loadScript(src) {
  if (!scriptLoads.has(src)) {
    scriptLoads.set(src, new Promise((resolve, reject) => {
      const el = document.createElement('script');
      el.src = src;
      el.async = true;
      el.onload = () => resolve();
      el.onerror = () => reject(new Error(`Could not load ${src}`));
      document.head.appendChild(el);
    }));
  }
  return scriptLoads.get(src);
}

/**
 * Model bytes as an ArrayBuffer. onProgress(loadedBytes, totalBytes) is called
 * while downloading (fetch mode) or once at the end (script mode).
 */
export async function loadModelBytes(mode, path, expectedBytes, onProgress = () => {}) {
  const rel = safePath(path);
  const drawn = firstViewBytes(rel);
  if (drawn) {
    const buffer = await drawn;
    onProgress(buffer.byteLength, buffer.byteLength);
    return buffer;
  }
  const early = prefetched.get(rel);
  if (early) {
    prefetched.delete(rel); // one taker: a later load of the same file downloads it again
    early.listener = onProgress;
    if (early.last) onProgress(...early.last);
    return early.promise;
  }
  return download(mode, rel, expectedBytes, onProgress);
}

const prefetched = new Map(); // path -> {promise, listener, last}

/** The bytes the first script's view downloaded for rel (first_main.js; one taker), or null. */
function firstViewBytes(rel) {
  const first = window.VitrineFirst;
  return first && first.hasModel(rel) ? first.takeModel(rel) : null;
}

/**
 * Start downloading a model now, so the bytes arrive while the viewer is still creating
 * its WebGL context and scene; the next loadModelBytes of the same path takes them over
 * (with the progress so far). Errors surface there, not here.
 */
export function prefetchModel(mode, path, expectedBytes) {
  let rel;
  try { rel = safePath(path); } catch (_) { return; }
  if (prefetched.has(rel) || (window.VitrineFirst && window.VitrineFirst.hasModel(rel))) return;
  const entry = { listener: () => {}, last: null };
  entry.promise = download(mode, rel, expectedBytes, (got, total) => { entry.last = [got, total]; entry.listener(got, total); });
  entry.promise.catch(() => {});
  prefetched.set(rel, entry);
}

/** The Response data/exhibit.js started for rel before this script ran (one taker), or null. */
export async function takeEarly(rel) {
  const early = window.VITRINE_EARLY;
  if (!early || !Object.prototype.hasOwnProperty.call(early, rel)) return null;
  const started = early[rel];
  delete early[rel];
  try { return await started; } catch (_) { return null; } // failed early: download again
}

async function download(mode, rel, expectedBytes, onProgress) {
  if (mode === 'script') {
    const store = () => window.VITRINE_MODEL_DATA || {};
    if (!(rel in store())) await loadScript(`${rel}.js`);
    const b64 = store()[rel];
    if (typeof b64 !== 'string') throw new Error(`Model data missing for ${rel}`);
    delete window.VITRINE_MODEL_DATA[rel]; // free the base64 text
    const buffer = base64ToBuffer(b64);
    onProgress(buffer.byteLength, buffer.byteLength);
    return buffer;
  }
  const response = await takeEarly(rel) || await fetch(rel);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${rel}`);
  const total = Number(response.headers.get('content-length')) || expectedBytes || 0;
  if (!response.body || !response.body.getReader) {
    const buffer = await response.arrayBuffer();
    onProgress(buffer.byteLength, buffer.byteLength);
    return buffer;
  }
  const reader = response.body.getReader();
  const chunks = [];
  let loaded = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loaded += value.byteLength;
    onProgress(loaded, Math.max(total, loaded));
  }
  const out = new Uint8Array(loaded);
  let offset = 0;
  for (const c of chunks) { out.set(c, offset); offset += c.byteLength; }
  onProgress(loaded, loaded);
  return out.buffer;
}

/**
 * Fetch a bundle file as bytes (http mode only), for hashing. reuse: the page's own files
 * (index.html, viewer.js, ...) are read from the HTTP cache when there, i.e. the very bytes the
 * page ran, not downloaded a second time over a slow link; the manifest, its signature and the
 * key are always revalidated with the server.
 */
export async function fetchBytes(path, { reuse = false } = {}) {
  const response = await fetch(safePath(path), { cache: reuse ? 'force-cache' : 'no-cache' });
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${path}`);
  return response.arrayBuffer();
}
