// The measuring tape: point-to-point distance on artifact surfaces with mouse, touch or a VR
// controller, shown in metric units with a scale bar calibrated at the measured depth; and the
// measurements a curator saved in an annotation or a tour step, shown with them.
// Points are kept in the exhibit root's frame, so distances are exhibit metres even while VR
// moves the room in front of the visitor.
import * as THREE from 'three';
import rules from '../visitor.json';

const TAPE = rules.tape; // the same rule as exporters/document/visitor_rules.py format_length

const CLICK_SLOP_PX = 6; // a pointer that moved further was orbiting, not measuring
const _ndc = new THREE.Vector2();
const _v = new THREE.Vector3();
const _q = new THREE.Quaternion();

/** A length in metres as visitors read it (visitor.json "tape": mm, cm or m). */
export function formatLength(metres) {
  const m = Math.abs(Number(metres) || 0);
  if (m < TAPE.mm_below) return `${(m * 1000).toFixed(TAPE.decimals.mm)} mm`;
  if (m < TAPE.cm_below) return `${(m * 100).toFixed(TAPE.decimals.cm)} cm`;
  return `${m.toFixed(TAPE.decimals.m)} m`;
}

/** The longest round length (1, 2 or 5 × 10^k metres) drawn in at most maxPx pixels at
 * metresPerPixel: {metres, px}. */
export function scaleBar(metresPerPixel, maxPx = 120) {
  if (!(metresPerPixel > 0)) return { metres: 0, px: 0 };
  const most = metresPerPixel * maxPx;
  const decade = 10 ** Math.floor(Math.log10(most));
  const step = [5, 2, 1].map((f) => f * decade).find((v) => v <= most) || decade;
  return { metres: step, px: step / metresPerPixel };
}

export class MeasureTape {
  /** app: the ViewerApp (root, camera, renderer, exhibitRoot, levels, ui, L, requestRender). */
  constructor(app) {
    this.app = app;
    this.active = false;
    this.points = []; // exhibit-root-local THREE.Vector3, 0..2
    this.saved = null; // {a, b, metres} world-at-export (exhibit-root-local) from the document
    this.raycaster = new THREE.Raycaster();
    this.group = new THREE.Group();
    this.group.name = 'vitrine-measure';
    this.group.renderOrder = 10;
    app.exhibitRoot.add(this.group);
    const material = new THREE.LineBasicMaterial({ color: 0xffd166, depthTest: false, transparent: true });
    this.line = new THREE.Line(new THREE.BufferGeometry().setFromPoints([new THREE.Vector3(), new THREE.Vector3()]), material);
    this.line.visible = false;
    this.dots = [0, 1].map(() => {
      const dot = new THREE.Mesh(new THREE.SphereGeometry(1, 12, 8), new THREE.MeshBasicMaterial({ color: 0xffd166, depthTest: false }));
      dot.visible = false;
      this.group.add(dot);
      return dot;
    });
    this.group.add(this.line);
    const doc = app.root.ownerDocument;
    this.label = doc.createElement('div');
    this.label.className = 'vt-tape-label';
    this.label.hidden = true;
    this.label.setAttribute('role', 'status');
    this.bar = doc.createElement('div');
    this.bar.className = 'vt-scalebar';
    this.bar.hidden = true;
    this.barText = doc.createElement('span');
    this.bar.appendChild(this.barText);
    this.button = doc.createElement('button');
    this.button.type = 'button';
    this.button.className = 'vt-btn vt-measure';
    this.button.setAttribute('aria-pressed', 'false');
    this.button.addEventListener('click', () => this.toggle());
    app.ui.toolbar.insertBefore(this.button, app.ui.creditsButton || null);
    app.root.append(this.label, this.bar);
    this.wirePointer(app.renderer.domElement);
    this.relabel();
  }

  relabel() {
    const L = this.app.L;
    this.button.textContent = L.label('measure');
    this.button.title = L.label('measureHint');
  }

  toggle(on = !this.active) {
    this.active = on;
    this.button.setAttribute('aria-pressed', String(on));
    this.app.root.classList.toggle('vt-measuring', on);
    if (!on) this.points = [];
    this.redraw();
  }

  wirePointer(canvas) {
    let down = null;
    canvas.addEventListener('pointerdown', (e) => { down = { x: e.clientX, y: e.clientY, id: e.pointerId }; });
    canvas.addEventListener('pointerup', (e) => {
      if (!this.active || !down || down.id !== e.pointerId) return;
      const moved = Math.hypot(e.clientX - down.x, e.clientY - down.y);
      down = null;
      if (moved > CLICK_SLOP_PX) return;
      const rect = canvas.getBoundingClientRect();
      _ndc.set(((e.clientX - rect.left) / rect.width) * 2 - 1, -((e.clientY - rect.top) / rect.height) * 2 + 1);
      this.raycaster.setFromCamera(_ndc, this.app.camera);
      this.take();
    });
  }

  /** A VR controller's select while measuring: true when it was used here. */
  selectWithController(controller) {
    if (!this.active) return false;
    controller.updateMatrixWorld(true);
    _q.setFromRotationMatrix(controller.matrixWorld);
    this.raycaster.ray.origin.setFromMatrixPosition(controller.matrixWorld);
    this.raycaster.ray.direction.set(0, 0, -1).applyQuaternion(_q);
    this.take();
    return true;
  }

  /** Add the surface point under the raycaster's ray (a third point starts a new measurement). */
  take() {
    this.raycaster.far = 50;
    const hit = this.raycaster.intersectObjects(this.app.levels.meshes(), false)[0];
    if (!hit) return null;
    if (this.points.length === 2) this.points = [];
    this.points.push(this.app.exhibitRoot.worldToLocal(hit.point.clone()));
    this.redraw();
    return hit.point;
  }

  /** Measure between two exhibit-root-local points (tests, embedding pages). */
  measure(a, b) {
    this.points = [new THREE.Vector3(...a), new THREE.Vector3(...b)];
    if (!this.active) this.toggle(true);
    this.redraw();
    return this.metres();
  }

  metres() {
    const [a, b] = this.current();
    return a && b ? a.distanceTo(b) : null;
  }

  current() {
    if (this.points.length) return this.points;
    return this.saved ? [this.saved.a, this.saved.b] : [];
  }

  /** Show a saved measurement ({a, b, metres} from the document) or hide it (null). */
  showSaved(measurement) {
    this.saved = measurement ? { a: new THREE.Vector3(...measurement.a), b: new THREE.Vector3(...measurement.b) } : null;
    this.redraw();
  }

  /** What is shown now: {a, b, metres, label, saved} or null. */
  state() {
    const [a, b] = this.current();
    if (!a) return null;
    const metres = b ? a.distanceTo(b) : null;
    return { a: a.toArray(), b: b ? b.toArray() : null, metres, label: metres == null ? '' : formatLength(metres),
      saved: !this.points.length, scaleBar: this.bar.hidden ? null : this.barText.textContent };
  }

  redraw() {
    const [a, b] = this.current();
    const size = this.dotSize();
    this.dots.forEach((dot, i) => {
      const p = [a, b][i];
      dot.visible = !!p;
      if (p) { dot.position.copy(p); dot.scale.setScalar(size); }
    });
    this.line.visible = !!(a && b);
    if (a && b) {
      this.line.geometry.setFromPoints([a, b]);
      this.line.geometry.computeBoundingSphere();
    }
    this.app.requestRender();
    this.update();
  }

  dotSize() {
    const box = new THREE.Box3().setFromObject(this.app.exhibitRoot);
    return Math.max(0.002, Math.min(0.02, box.isEmpty() ? 0.005 : box.getSize(_v).length() / 300));
  }

  /** Place the label at the midpoint on screen and size the scale bar at that depth (each frame). */
  update() {
    const [a, b] = this.current();
    const app = this.app;
    if (!a || !b || (app.xr && app.xr.presenting)) {
      this.label.hidden = true;
      this.bar.hidden = true;
      return;
    }
    const mid = _v.copy(a).add(b).multiplyScalar(0.5);
    app.exhibitRoot.localToWorld(mid);
    const depth = mid.distanceTo(app.camera.position);
    mid.project(app.camera);
    const w = app.width || 1, h = app.height || 1;
    this.label.hidden = mid.z > 1;
    this.label.textContent = formatLength(a.distanceTo(b));
    this.label.style.left = `${((mid.x + 1) / 2) * w}px`;
    this.label.style.top = `${((1 - mid.y) / 2) * h}px`;
    const fov = THREE.MathUtils.degToRad(app.camera.fov);
    const { metres, px } = scaleBar((2 * depth * Math.tan(fov / 2)) / h, Math.min(160, w / 4));
    this.bar.hidden = !(metres > 0);
    this.bar.style.width = `${px}px`;
    this.barText.textContent = formatLength(metres);
  }
}
