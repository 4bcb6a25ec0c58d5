// Immersive sessions. VR: the exhibit at real scale ~1.5 m in front of the
// visitor, controller rays pick hotspots, trigger opens an in-scene panel,
// squeeze steps through a tour. AR: hit-test reticle, select places the exhibit.
import * as THREE from 'three';

const _box = new THREE.Box3();
const _v = new THREE.Vector3();
const _q = new THREE.Quaternion();

export class XRSession extends EventTarget {
  constructor({ renderer, scene, exhibitRoot, groups, hotspots, panel, envObjects, overlayRoot, hooks }) {
    super();
    Object.assign(this, { renderer, scene, exhibitRoot, groups, hotspots, panel, envObjects, overlayRoot, hooks });
    this.mode = null; // 'immersive-vr' | 'immersive-ar' | null
    this.frames = 0;
    this.placed = false;
    this.hitTestSource = null;
    this.supported = { vr: false, ar: false };
    this.raycaster = new THREE.Raycaster();
    this.targets = [];
    this.controllers = [];
    scene.add(panel.mesh);
    this.reticle = new THREE.Mesh(new THREE.RingGeometry(0.08, 0.1, 40).rotateX(-Math.PI / 2), new THREE.MeshBasicMaterial({ color: 0xffffff }));
    this.reticle.matrixAutoUpdate = false;
    this.reticle.visible = false;
    scene.add(this.reticle);
  }

  async probe() {
    const xr = navigator.xr;
    if (!xr || !window.isSecureContext) return this.supported;
    const ask = (m) => xr.isSessionSupported(m).catch(() => false);
    [this.supported.vr, this.supported.ar] = await Promise.all([ask('immersive-vr'), ask('immersive-ar')]);
    return this.supported;
  }

  get presenting() { return !!this.mode; }

  setupTargets() {
    if (this.targets.length) return;
    for (const sprite of this.hotspots.buildMarkers()) {
      const hit = new THREE.Mesh(new THREE.SphereGeometry(0.9, 12, 8), new THREE.MeshBasicMaterial({ visible: false }));
      hit.userData.annotationId = sprite.userData.annotationId;
      sprite.add(hit);
      this.targets.push(hit);
    }
    const lineGeom = new THREE.BufferGeometry().setFromPoints([new THREE.Vector3(0, 0, 0), new THREE.Vector3(0, 0, -1)]);
    for (let i = 0; i < 2; i++) {
      const c = this.renderer.xr.getController(i);
      const line = new THREE.Line(lineGeom, new THREE.LineBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.8 }));
      line.scale.z = 4;
      line.name = 'ray';
      c.add(line);
      c.addEventListener('select', () => this.onSelect(c));
      c.addEventListener('squeeze', () => this.hooks.onSqueeze());
      this.scene.add(c);
      this.controllers.push(c);
    }
  }

  async enter(kind) {
    if (this.mode) return;
    const mode = kind === 'ar' ? 'immersive-ar' : 'immersive-vr';
    const init = mode === 'immersive-ar'
      ? { requiredFeatures: ['hit-test'], optionalFeatures: ['local-floor', 'dom-overlay'], domOverlay: { root: this.overlayRoot } }
      : { optionalFeatures: ['local-floor', 'bounded-floor', 'hand-tracking'] };
    const session = await navigator.xr.requestSession(mode, init);
    this.setupTargets();
    this.mode = mode;
    this.frames = 0;
    this.saved = { position: this.exhibitRoot.position.clone(), quaternion: this.exhibitRoot.quaternion.clone(), background: this.scene.background };
    this.renderer.xr.setReferenceSpaceType(mode === 'immersive-ar' ? 'local' : 'local-floor');
    session.addEventListener('end', () => this.onEnd());
    await this.renderer.xr.setSession(session);
    if (mode === 'immersive-vr') {
      this.placeInFront();
    } else {
      this.scene.background = null;
      for (const o of this.envObjects) o.visible = false;
      this.exhibitRoot.visible = false;
      this.placed = false;
      session.addEventListener('select', () => this.placeAtReticle());
      const viewer = await session.requestReferenceSpace('viewer');
      this.hitTestSource = await session.requestHitTestSource({ space: viewer });
    }
    this.hotspots.setLayerVisible(false);
    this.hotspots.showMarkers(true);
    this.dispatchEvent(new CustomEvent('xrstart', { detail: { mode } }));
  }

  exit() { const s = this.renderer.xr.getSession(); if (s) s.end(); }

  /** Centre of the visible artifacts with the exhibit root reset to the origin (it stays reset). */
  _unplacedCentre() {
    this.exhibitRoot.position.set(0, 0, 0);
    this.exhibitRoot.quaternion.identity();
    this.exhibitRoot.updateMatrixWorld(true);
    _box.makeEmpty();
    for (const g of this.groups.values()) if (g.visible) _box.expandByObject(g);
    return _box.isEmpty() ? new THREE.Vector3() : _box.getCenter(new THREE.Vector3());
  }

  /** Exhibit centre ~1.5 m in front (−z), floor at floor height, real scale. */
  placeInFront() {
    const centre = this._unplacedCentre();
    this.exhibitRoot.position.set(-centre.x, 0, -1.5 - centre.z);
  }

  placeAtReticle() {
    if (this.mode !== 'immersive-ar' || !this.reticle.visible) return;
    this.exhibitRoot.updateMatrixWorld(true);
    const pos = new THREE.Vector3().setFromMatrixPosition(this.reticle.matrix);
    // Centre the artifacts on the spot, facing the visitor (yaw only).
    const saved = this.exhibitRoot.position.clone();
    const centre = this._unplacedCentre();
    const cam = this.renderer.xr.getCamera();
    const toCam = cam.getWorldPosition(_v).sub(pos);
    const yaw = Math.atan2(toCam.x, toCam.z);
    _q.setFromAxisAngle(new THREE.Vector3(0, 1, 0), yaw);
    const offset = new THREE.Vector3(-centre.x, 0, -centre.z).applyQuaternion(_q);
    this.exhibitRoot.quaternion.copy(_q);
    this.exhibitRoot.position.copy(pos).add(offset);
    if (!Number.isFinite(this.exhibitRoot.position.x)) this.exhibitRoot.position.copy(saved);
    this.exhibitRoot.visible = true;
    this.placed = true;
    this.dispatchEvent(new CustomEvent('arplace', { detail: { position: pos.toArray() } }));
  }

  onSelect(controller) {
    if (this.mode === 'immersive-ar' && !this.placed) return; // the session 'select' places
    if (this.hooks.measureSelect && this.hooks.measureSelect(controller)) return; // measuring
    const hitId = this.pick(controller);
    if (hitId) this.hooks.openAnnotation(hitId, controller);
    else if (this.panel.mesh.visible) this.hooks.closeAnnotation();
  }

  pick(controller) {
    controller.updateMatrixWorld(true);
    _q.setFromRotationMatrix(controller.matrixWorld);
    this.raycaster.ray.origin.setFromMatrixPosition(controller.matrixWorld);
    this.raycaster.ray.direction.set(0, 0, -1).applyQuaternion(_q);
    this.raycaster.far = 20;
    const visibleTargets = this.targets.filter((t) => t.parent && t.parent.visible);
    const hits = this.raycaster.intersectObjects(visibleTargets, false);
    return hits.length ? hits[0].object.userData.annotationId : null;
  }

  /** Panel position: next to the annotation, turned to the headset. */
  panelPlacement(worldPoint) {
    const head = this.renderer.xr.getCamera().getWorldPosition(new THREE.Vector3());
    const toHead = head.clone().sub(worldPoint).setY(0).normalize();
    const side = new THREE.Vector3(-toHead.z, 0, toHead.x);
    const position = worldPoint.clone().addScaledVector(toHead, 0.25).addScaledVector(side, 0.35);
    position.y = Math.max(position.y, 1.1);
    return { position, lookAt: head };
  }

  onFrame(frame) {
    if (!this.mode || !frame) return;
    this.frames++;
    for (const c of this.controllers) {
      const line = c.getObjectByName('ray');
      if (line) line.visible = !(this.mode === 'immersive-ar' && !this.placed);
    }
    if (this.hitTestSource) {
      const results = frame.getHitTestResults(this.hitTestSource);
      const ref = this.renderer.xr.getReferenceSpace();
      const pose = results.length ? results[0].getPose(ref) : null;
      this.reticle.visible = !!pose && !this.placed;
      if (pose) this.reticle.matrix.fromArray(pose.transform.matrix);
    }
  }

  onEnd() {
    const mode = this.mode;
    this.mode = null;
    if (this.hitTestSource) { try { this.hitTestSource.cancel(); } catch (_) { /* ended */ } }
    this.hitTestSource = null;
    this.reticle.visible = false;
    this.panel.hide();
    if (this.saved) {
      this.exhibitRoot.position.copy(this.saved.position);
      this.exhibitRoot.quaternion.copy(this.saved.quaternion);
      this.scene.background = this.saved.background;
    }
    for (const o of this.envObjects) o.visible = true;
    this.exhibitRoot.visible = true;
    this.hotspots.showMarkers(false);
    this.hotspots.setLayerVisible(true);
    this.dispatchEvent(new CustomEvent('xrend', { detail: { mode } }));
  }
}
