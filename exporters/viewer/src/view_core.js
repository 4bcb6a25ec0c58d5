// The first script's part of the viewer (viewer.js): renderer, scene, camera, controls and the
// first levels of the models, enough to replace the poster with the exhibit in 3D. The rest
// (viewer-ui.js: panels, hotspots, tours, tape, XR, kiosk...) is loaded after that first frame and
// upgrades this same object into a ViewerApp (viewer_app.js), so window.vitrine.app stays one object.
import * as THREE from 'three';
import { buildEnvironment, buildPlinths, buildLights, buildArtifactGroups } from './scene_builder.js';
import { CameraFlight } from './camera_flight.js';
import { ModelLevels } from './model_levels.js';
import { artifactCorners, inFrustum, REFERENCE_ASPECT } from './framing.js';
import { startViewpoint } from './start_camera.js';
import { bufferRatio } from './framing_rule.js';

/** The export's poster (index.html shows it at once) gives way to the first drawn artifact. */
export function hidePoster() {
  for (const el of document.querySelectorAll('.vt-poster')) el.classList.add('vt-done');
}

/** What the camera flight needs of OrbitControls (a target the camera looks at) until the
 * rest of the viewer brings the real ones: the first frame is not interactive yet. */
function fixedView(camera) {
  const target = new THREE.Vector3();
  return { target, update() { camera.lookAt(target); return false; } };
}
// Longest wait for a first model before the room is drawn without it (slow links).
const HOLD_FIRST_FRAME_MS = 1000;

export class ViewCore {
  /** closed: {reason, files} when a kiosk refuses the whole exhibit (doc is then empty). */
  constructor({ root, doc, docBytes, mode, language, check, api, closed = null }) {
    Object.assign(this, { root, doc, docBytes, mode, L: language, check, api, closed });
    const params = new URLSearchParams(location.search);
    // A page may be previewed as a kiosk (only ever stricter, never looser).
    this.kiosk = (doc.bundle && doc.bundle.profile === 'kiosk') || params.get('profile') === 'kiosk';
    this.viewpoints = new Map((doc.viewpoints || []).map((v) => [v.id, v]));
    this.artifacts = new Map((doc.artifacts || []).map((a) => [a.id, a]));
    this.needsRender = true;
    // start/firstFrame/ready: ms since this constructor. The *At figures are ms since
    // navigation start (performance.now()), so load benchmarks can compare them with
    // resource timings: levelAt = a level's levelchange, levelFrameAt = the first frame
    // rendered with that level in the scene, firstArtifactFrameAt = the first with any,
    // restAt = viewer-ui.js has run (the rest of the viewer is attached).
    this.timings = { start: performance.now(), levelAt: {}, levelFrameAt: {} };
    this.unrenderedLevels = new Set();
    this.loadErrors = []; // artifact ids whose first level failed before the UI could say so
    this.sized = [0, 0, 0]; // [w, h, dpr] of the drawing buffer
    // Resolves at the first frame with an artifact in it (or when showFirst ends without one):
    // main.js then starts downloading the rest of the viewer and the manifest.
    this.firstFrameShown = new Promise((resolve) => { this.markFirstFrame = resolve; });
    // No frame before the first model (or HOLD_FIRST_FRAME_MS): with a software compositor
    // (SwiftShader) each frame's readback blocks the main thread for all its GPU work, so a frame
    // of the empty room (shader compiles, 4x MSAA raster) delayed the model's parse by 0.5-0.8 s.
    this.holdFrames = true;
    setTimeout(() => this.releaseFrames(), HOLD_FIRST_FRAME_MS);

    this.stage = document.createElement('div');
    this.stage.className = 'vt-stage';
    root.appendChild(this.stage);
    try {
      this.renderer = new THREE.WebGLRenderer({ antialias: true, alpha: true, powerPreference: 'high-performance' });
    } catch (_) {
      // no WebGL 2 (three throws when it gets no context). Not probed beforehand with a
      // throwaway canvas: creating that context cost ~50 ms of a 4x-slowed phone's first frame.
      this.stage.remove();
      throw new Error(language.label('noWebGL'));
    }
    this.renderer.outputColorSpace = THREE.SRGBColorSpace;
    this.renderer.toneMapping = THREE.NeutralToneMapping;
    this.renderer.xr.enabled = true;
    const canvas = this.renderer.domElement;
    canvas.className = 'vt-canvas';
    canvas.tabIndex = 0;
    canvas.setAttribute('role', 'img');
    this.stage.appendChild(canvas);

    this.scene = new THREE.Scene();
    this.exhibitRoot = new THREE.Group();
    this.exhibitRoot.name = 'vitrine-exhibit';
    this.scene.add(this.exhibitRoot);
    this.env = buildEnvironment(this.scene, this.exhibitRoot, doc);
    this.room = this.env.room;
    this.plinths = buildPlinths(this.exhibitRoot, doc);
    buildLights(this.exhibitRoot, doc);
    this.groups = buildArtifactGroups(this.exhibitRoot, doc);

    this.camera = new THREE.PerspectiveCamera(50, 4 / 3, 0.01, 200);
    this.controls = fixedView(this.camera); // OrbitControls come with the rest (viewer_app.js)
    this.flight = new CameraFlight(this.camera, this.controls, () => this.requestRender());

    this.levels = new ModelLevels({ mode, doc, groups: this.groups, check, kiosk: this.kiosk });
    this.levels.addEventListener('levelchange', (e) => {
      const t = this.timings;
      if (t.levelAt[e.detail.level] == null) t.levelAt[e.detail.level] = performance.now();
      this.unrenderedLevels.add(e.detail.level);
      this.releaseFrames();
      this.requestRender(true);
      this.emit('levelchange', e.detail);
    });
    this.levels.addEventListener('refused', () => this.onRefused());
    this.levels.addEventListener('error', (e) => this.onLoadError(e.detail.artifactId));
    check.addEventListener('change', (e) => this.onVerification(e.detail));
    this.setStartView();
    this.resize();
    new ResizeObserver(() => this.resize()).observe(this.stage);
    // Dispatched through the prototype: once upgraded, ViewerApp.frame draws hotspots, XR, tape.
    this.renderer.setAnimationLoop((time, frame) => this.frame(time, frame));
  }

  emit(name, detail) { this.api.dispatchEvent(new CustomEvent(name, { detail })); }

  // Before the UI is attached there is nowhere to say these; ViewerApp overrides them and,
  // when attached, says what happened before (showVerification, loadErrors).
  onRefused() { this.requestRender(true); }
  onLoadError(artifactId) { this.loadErrors.push(artifactId); }
  onVerification(detail) { this.emit('verification', detail); }

  /** Load the coarsest level of each visible artifact and draw them: the poster gives way. */
  async showFirst() {
    await this.levels.loadFirst(() => {});
    this.releaseFrames(); // every first model drawn, refused or failed
    this.requestRender(true);
    await this.renderNow();
    hidePoster(); // an exhibit with nothing drawable shows its empty room
    this.markFirstFrame();
    this.timings.shownAt = performance.now();
  }

  renderNow() {
    return new Promise((resolve) => { this.afterRender = resolve; this.requestRender(true); });
  }

  releaseFrames() {
    if (this.holdFrames) { this.holdFrames = false; this.requestRender(true); }
  }

  requestRender(geometryChanged = false) {
    this.needsRender = true;
    if (geometryChanged) this.forceHotspots = true;
  }

  frame() {
    const now = performance.now();
    if (this.flight.tick(now)) this.needsRender = true;
    if (this.controls.update()) this.needsRender = true;
    if (!this.needsRender || this.holdFrames) return;
    this.needsRender = false;
    this.drawFrame(now);
  }

  /** Draw one frame; after() runs before whoever waits on renderNow (hotspots, tape). */
  drawFrame(now, after = null) {
    this.renderer.render(this.scene, this.camera);
    if (this.timings.firstFrame == null) this.timings.firstFrame = now - this.timings.start;
    if (this.unrenderedLevels.size) this.noteLevelFrames();
    if (after) after();
    if (this.afterRender) { const done = this.afterRender; this.afterRender = null; done(); }
  }

  noteLevelFrames() {
    const t = this.timings, at = performance.now();
    for (const level of this.unrenderedLevels) if (t.levelFrameAt[level] == null) t.levelFrameAt[level] = at;
    if (t.firstArtifactFrameAt == null) {
      t.firstArtifactFrameAt = at;
      hidePoster();
      t.firstArtifactLevel = [...this.unrenderedLevels][0];
      this.markFirstFrame();
    }
    this.unrenderedLevels.clear();
  }

  resize(force = false) {
    if (this.xr && this.xr.presenting) return;
    const w = Math.max(1, this.stage.clientWidth), h = Math.max(1, this.stage.clientHeight);
    this.width = w; this.height = h;
    const dpr = bufferRatio(w, h);
    // Each canvas resize reallocates the (multisampled) drawing buffer, even at the same size,
    // and setPixelRatio resizes too: skip the ResizeObserver's first call, which repeats ours.
    if (!force && w === this.sized[0] && h === this.sized[1] && dpr === this.sized[2]) return;
    this.sized = [w, h, dpr];
    if (this.renderer.getPixelRatio() !== dpr) this.renderer.setPixelRatio(dpr);
    this.renderer.setSize(w, h, false);
    this.camera.aspect = w / h;
    if (this.flight) { this.flight.refit(); this.flight.reframe(); }
    this.updateViewOffset();
  }

  /** No panel yet: the whole picture (ViewerApp shifts it away from an open panel). */
  updateViewOffset() {
    this.camera.clearViewOffset();
    this.camera.updateProjectionMatrix();
    this.requestRender(true);
  }

  /** The curator's start viewpoint, else the first, else a view of everything (start_camera.js,
   * which the first script's view uses too). */
  startViewpoint() { return startViewpoint(this.doc); }

  /** vp with the corners of what it frames (framing.js): every visible artifact for the start
   * view; otherwise the artifacts the view shows whole at the reference (desktop) aspect. */
  withSubjects(vp, all = false) {
    if (!vp || !Array.isArray(vp.eye) || !Array.isArray(vp.target)) return vp;
    const eye = new THREE.Vector3().fromArray(vp.eye), target = new THREE.Vector3().fromArray(vp.target);
    const up = Array.isArray(vp.up) ? new THREE.Vector3().fromArray(vp.up) : new THREE.Vector3(0, 1, 0);
    const fov = Number.isFinite(vp.fov) && vp.fov > 0 ? THREE.MathUtils.radToDeg(vp.fov) : this.flight.baseFov;
    const subjects = [];
    for (const a of this.doc.artifacts || []) {
      const g = this.groups.get(a.id);
      if (!g || a.visible === false) continue;
      const corners = artifactCorners(g, a.dimensions);
      if (all || inFrustum(eye, target, up, fov, REFERENCE_ASPECT, corners)) subjects.push(...corners);
    }
    return { ...vp, subjects };
  }

  setStartView() { this.flight.flyTo(this.withSubjects(this.startViewpoint(), true), { cut: true }); }
}
