// window.vitrine: the JavaScript API for embedding pages and tests.
// Its methods need the whole viewer: call them once vitrine.loaded has resolved.
import { roomBoxes } from './room.js';
import { VitrineEarly } from './vitrine_early.js';
import * as THREE from 'three';
import { artifactCorners } from './framing.js';

export class VitrineAPI extends VitrineEarly {
  /** window.vitrine as the first script made it (listeners and promises kept), upgraded in place;
   * a new one when there is none (embed pages start with viewer.js). */
  static adopt(early) {
    if (!(early instanceof EventTarget) || typeof early._settle !== 'function') return new VitrineAPI();
    return Object.setPrototypeOf(early, VitrineAPI.prototype);
  }

  _attach(app) { this.app = app; }
  _verifiedDone() { this._settle('verified', null, this.verification()); }
  _attachCheck(check) { this.check = check; }
  _need() { if (!this.app) throw new Error('vitrine: the exhibit is not loaded yet (await vitrine.loaded)'); return this.app; }

  annotations() {
    const app = this._need();
    return (app.doc.annotations || []).map((a) => ({ id: a.id, artifactId: a.artifact_id, title: app.L.text(a.title) }));
  }
  openAnnotation(id) { this._need().openAnnotation(id); }
  closeAnnotation() { this._need().closeAnnotation(); }
  languages() { return this._need().L.available.slice(); }
  language() { return this._need().L.current; }
  setLanguage(tag) { this._need().setLanguage(tag); }
  tours() { const app = this._need(); return app.tour.tours.map((t) => ({ id: t.id, title: app.L.text(t.title) })); }
  startTour(id) { this._need().startTour(id); }
  pauseTour() { this._need().tour.pause(); }
  resumeTour() { this._need().tour.resume(); }
  stopTour() { this._need().tour.stop(); }
  nextStep() { this._need().tour.next(); }
  previousStep() { this._need().tour.previous(); }
  camera() {
    const app = this._need();
    return { eye: app.camera.position.toArray(), target: app.controls.target.toArray() };
  }
  /** Turn the measuring tape on or off. */
  setMeasuring(on) { this._need().tape.toggle(!!on); }
  /** Measure between two points in exhibit metres ([x, y, z] each); returns the distance. */
  measure(a, b) { return this._need().tape.measure(a, b); }
  /** What the tape shows: {a, b, metres, label, saved, scaleBar} or null. */
  measurement() { return this._need().tape.state(); }
  /** {status, files, signature, fingerprint, pinned}: see README (answers before the exhibit is shown). */
  verification() {
    const check = this.check || this._need().check;
    const r = check.result();
    return { status: r.status, files: r.files.slice(), signature: r.signature, fingerprint: r.fingerprint, pinned: r.pinned };
  }

  /** Extra state for tests and embedding pages. */
  state() {
    const app = this._need();
    return {
      profile: app.kiosk ? 'kiosk' : 'web',
      closed: app.closed ? app.closed.reason : null,
      mode: app.mode,
      annotation: app.openId,
      flying: !!app.flight.active,
      tour: app.tour.state(),
      attract: app.kioskMode ? app.kioskMode.attracting : false,
      levels: app.levels.levels(),
      refused: Array.from(app.levels.refused.keys()),
      media: app.mediaState(),
      failed: Object.fromEntries(app.levels.failed),
      xr: app.xr.mode,
      xrFrames: app.xr.frames,
      arPlaced: app.xr.placed,
      xrPanelVisible: app.xrPanel.mesh.visible,
      timings: { ...app.timings, levelAt: { ...app.timings.levelAt }, levelFrameAt: { ...app.timings.levelFrameAt } },
    };
  }

  /** Read-only counters for leak checks and soak benchmarks (documented in README):
   * {renderer: {geometries, textures, programs, calls, triangles}, blobUrls (captions blob: URLs not yet
   * revoked), hotspots (buttons in the layer), markers (XR marker sprites)}. */
  debugInfo() {
    const app = this._need();
    const info = app.renderer.info;
    return {
      renderer: { geometries: info.memory.geometries, textures: info.memory.textures, programs: (info.programs || []).length,
        calls: info.render.calls, triangles: info.render.triangles },
      blobUrls: app.liveCaptionUrls(),
      hotspots: app.ui.hotspotLayer.childElementCount,
      markers: app.hotspots.items.filter((i) => i.marker).length,
      room: roomBoxes(app.room),
    };
  }

  /** Test helpers: where artifacts are on screen, and a pixel read right after a render.
   * project(id) -> {x, y (its box centre), left, top, right, bottom (the screen box of its world
   * box's 8 corners, CSS px; behind: true when a corner is behind the eye)}; project() -> {id: that}
   * for every artifact. */
  get debug() {
    const app = this._need();
    const one = (artifactId) => {
      const g = app.groups.get(artifactId);
      if (!g) throw new Error(`No such artifact: ${artifactId}`);
      const a = (app.doc.artifacts || []).find((x) => x.id === artifactId) || {};
      const box = new THREE.Box3().setFromObject(g);
      const v = box.getCenter(new THREE.Vector3()).project(app.camera);
      const out = { x: (v.x * 0.5 + 0.5) * app.width, y: (-v.y * 0.5 + 0.5) * app.height,
        left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity, behind: false };
      app.camera.updateMatrixWorld();
      for (const c of artifactCorners(g, a.dimensions)) {
        if (c.clone().applyMatrix4(app.camera.matrixWorldInverse).z >= 0) out.behind = true;
        const p = c.project(app.camera);
        const sx = (p.x * 0.5 + 0.5) * app.width, sy = (-p.y * 0.5 + 0.5) * app.height;
        out.left = Math.min(out.left, sx); out.right = Math.max(out.right, sx);
        out.top = Math.min(out.top, sy); out.bottom = Math.max(out.bottom, sy);
      }
      return out;
    };
    return {
      project(artifactId) {
        if (artifactId === undefined) return Object.fromEntries([...app.groups.keys()].map((id) => [id, one(id)]));
        return one(artifactId);
      },
      projectPoint(p) {
        const v = new THREE.Vector3().fromArray(p).project(app.camera);
        return { x: (v.x * 0.5 + 0.5) * app.width, y: (-v.y * 0.5 + 0.5) * app.height };
      },
      pixel(x, y) {
        app.renderer.render(app.scene, app.camera);
        const gl = app.renderer.getContext();
        const scale = gl.drawingBufferWidth / app.width;
        const out = new Uint8Array(4);
        gl.readPixels(Math.round(x * scale), Math.round(gl.drawingBufferHeight - y * scale), 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, out);
        return Array.from(out);
      },
    };
  }
}
