// Loads viewer-ui.js, the rest of the viewer, once the first frame is drawn. Only that one file,
// next to this script (so from the same origin and folder, a path the signed manifest lists),
// and over http(s) only with the SHA-384 that build.mjs computed when it built both files: this
// script is itself listed and signed, so a changed viewer-ui.js is refused before it runs.
// file:// pages load it without `integrity` (Chromium refuses SRI on file: scripts, which have
// an opaque origin); there the viewer shows 'unchecked' like every file it cannot read back.

/* global __VITRINE_REST_INTEGRITY__ */
export const REST_FILE = 'viewer-ui.js';
export const REST_INTEGRITY = typeof __VITRINE_REST_INTEGRITY__ === 'string' ? __VITRINE_REST_INTEGRITY__ : '';

// The URL this classic script was loaded from: viewer-ui.js sits next to it.
const SELF = document.currentScript && document.currentScript.src;

let loading = null;

/** Resolves to the rest's exports (window.VitrineRest, set by rest_main.js). */
export function loadRest() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const el = document.createElement('script');
      el.src = new URL(REST_FILE, SELF || document.baseURI).href;
      if (/^https?:$/.test(location.protocol) && REST_INTEGRITY) el.integrity = REST_INTEGRITY;
      el.async = true;
      el.onload = () => (window.VitrineRest ? resolve(window.VitrineRest) : reject(new Error(`${REST_FILE} did not load`)));
      el.onerror = () => reject(new Error(`${REST_FILE} could not be loaded (missing or altered)`));
      document.head.appendChild(el);
    });
  }
  return loading;
}
