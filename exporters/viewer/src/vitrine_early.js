// window.vitrine from the very first script (first_main.js), before three.js has arrived: the
// promises and events an embedding page or a test waits on. viewer.js upgrades this same object
// into a VitrineAPI (vitrine_api.js), so listeners added early are kept.
//   ready     the exhibit is shown and the visitor can turn it (the first view, or the full viewer);
//   loaded    the whole viewer is attached: annotations, tours, toolbar, XR (and its API methods);
//   verified  the trust outcome of what is shown (a kiosk checks before it shows anything).
// timings: ms since navigation start (performance.now()) of firstFrameAt, readyAt, loadedAt.

function deferred(target, name) {
  target[name] = new Promise((resolve, reject) => { target[`_${name}Settle`] = { resolve, reject }; });
  target[name].catch(() => {}); // a page that never awaits a rejection must not log it as unhandled
}

export class VitrineEarly extends EventTarget {
  constructor() {
    super();
    this.app = null;
    this.timings = {};
    for (const name of ['ready', 'loaded', 'verified']) deferred(this, name);
  }

  /** Settle once: resolve (or reject with err) the named promise and dispatch its event. */
  _settle(name, err = null, detail = null) {
    const settle = this[`_${name}Settle`];
    if (!settle) return false;
    this[`_${name}Settle`] = null;
    if (err) settle.reject(err);
    else {
      if (name !== 'verified') this.timings[`${name}At`] = performance.now();
      settle.resolve(name === 'verified' ? detail : this); // ready, loaded: window.vitrine itself
      this.dispatchEvent(new CustomEvent(name, { detail }));
    }
    return true;
  }

  /** The page failed: every promise still pending rejects, and an 'error' event says why. */
  _fail(err) {
    for (const name of ['ready', 'loaded', 'verified']) this._settle(name, err);
    this.dispatchEvent(new CustomEvent('error', { detail: { error: (err && err.message) || String(err) } }));
  }
}
