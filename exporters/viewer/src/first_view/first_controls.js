// Orbit controls for the first view, the way the full viewer's OrbitControls behave: one finger /
// left drag turns the camera about its target, pinch / wheel dollies (distance kept within
// [MIN_DISTANCE, MAX_DISTANCE] metres, orbit_settings.js, shared with viewer_app.js), two fingers /
// right drag pans. The polar angle stays inside (0, pi) about the camera's up. Pointer events,
// touch-action none; arrow keys on the focused canvas as OrbitControls' listenToKeyEvents (the
// caller gives it a tabIndex).
// Damping as three r187's OrbitControls with enableDamping: input (pointer, keys) adds to pending
// turn (radians) and pan (world vector, metres); each step (one per input event and one per
// animation frame, as OrbitControls.update() is called) applies DAMPING_FACTOR of them and keeps
// (1 - DAMPING_FACTOR); dolly is applied at once. The frame loop stops once what is left is
// negligible (applied then, so the camera settles exactly where OrbitControls' endless decay tends).
import { add, sub, scale, cross, dot, length, normalize } from '../array_math.js';
import { DAMPING_FACTOR, MIN_DISTANCE, MAX_DISTANCE, KEY_ROTATE_SPEED, KEY_PAN_SPEED } from '../orbit_settings.js';
const EPS = 1e-6;

/** v rotated about the unit axis by angle (radians), Rodrigues' formula. */
function rotate(v, axis, angle) {
  const c = Math.cos(angle), s = Math.sin(angle);
  return add(add(scale(v, c), scale(cross(axis, v), s)), scale(axis, dot(axis, v) * (1 - c)));
}

/** The camera moved: rotate by (dTheta, dPhi) radians about the target, scale its distance, pan by a world vector. */
export function orbit(camera, { dTheta = 0, dPhi = 0, dollyScale = 1, pan = [0, 0, 0] } = {}) {
  const up = normalize(camera.up);
  // work in a frame whose +y is the camera's up (OrbitControls' quaternion)
  let axis = cross(up, [0, 1, 0]);
  const turn = Math.acos(Math.max(-1, Math.min(1, up[1])));
  axis = length(axis) > EPS ? normalize(axis) : [1, 0, 0];
  let off = rotate(sub(camera.eye, camera.target), axis, turn);
  let radius = length(off);
  let theta = Math.atan2(off[0], off[2]);
  let phi = radius > 0 ? Math.acos(Math.max(-1, Math.min(1, off[1] / radius))) : Math.PI / 2;
  theta += dTheta;
  phi = Math.max(EPS, Math.min(Math.PI - EPS, phi + dPhi));
  radius = Math.max(MIN_DISTANCE, Math.min(MAX_DISTANCE, radius * dollyScale));
  off = [radius * Math.sin(phi) * Math.sin(theta), radius * Math.cos(phi), radius * Math.sin(phi) * Math.cos(theta)];
  off = rotate(off, axis, -turn);
  const target = add(camera.target, pan);
  return { ...camera, target, eye: add(target, off) };
}

export class FirstControls {
  /** view: {camera, setCamera(c)}; onChange(): called after every move (render on demand). */
  constructor(canvas, view, onChange = () => {}) {
    Object.assign(this, { canvas, view, onChange });
    this.pointers = new Map(); // pointerId -> {x, y, button}
    canvas.style.touchAction = 'none';
    this.handlers = {
      pointerdown: (e) => this.down(e), pointermove: (e) => this.move(e), pointerup: (e) => this.up(e),
      pointercancel: (e) => this.up(e), wheel: (e) => this.wheel(e), contextmenu: (e) => e.preventDefault(),
      keydown: (e) => this.key(e),
    };
    for (const [name, fn] of Object.entries(this.handlers)) canvas.addEventListener(name, fn, { passive: false });
    this.pending = { dTheta: 0, dPhi: 0, pan: [0, 0, 0] }; // not yet applied: radians, metres
    this.frame = 0; // requestAnimationFrame id while motion is pending
  }

  dispose() {
    for (const [name, fn] of Object.entries(this.handlers)) this.canvas.removeEventListener(name, fn);
    this.pointers.clear();
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** Input: adds to the pending motion (dolly at once) and steps, as OrbitControls' handlers call update(). */
  apply({ dTheta = 0, dPhi = 0, dollyScale = 1, pan = [0, 0, 0] }) {
    const p = this.pending;
    p.dTheta += dTheta; p.dPhi += dPhi; p.pan = add(p.pan, pan);
    this.step(dollyScale);
    if (!this.frame) this.frame = requestAnimationFrame(() => this.tick());
  }

  /** One OrbitControls.update() with damping: DAMPING_FACTOR of the pending motion, the rest decays. */
  step(dollyScale = 1) {
    const p = this.pending, f = DAMPING_FACTOR;
    this.view.camera = orbit(this.view.camera, { dTheta: p.dTheta * f, dPhi: p.dPhi * f, dollyScale, pan: scale(p.pan, f) });
    p.dTheta *= 1 - f; p.dPhi *= 1 - f; p.pan = scale(p.pan, 1 - f);
    this.onChange();
  }

  /** Nothing left worth a frame: under a micro-radian of turn and a micrometre of pan. */
  settled() {
    const p = this.pending;
    return Math.abs(p.dTheta) < 1e-6 && Math.abs(p.dPhi) < 1e-6 && length(p.pan) < 1e-6;
  }

  tick() {
    this.frame = 0;
    if (this.settled()) { this.finish(); return; }
    this.step();
    this.frame = requestAnimationFrame(() => this.tick());
  }

  /** Applies all pending motion at once (the hand-over, or the last tiny remainder) and stops the loop. */
  finish() {
    if (this.frame) cancelAnimationFrame(this.frame);
    this.frame = 0;
    const p = this.pending;
    if (p.dTheta || p.dPhi || length(p.pan)) {
      this.view.camera = orbit(this.view.camera, p);
      this.onChange();
    }
    this.pending = { dTheta: 0, dPhi: 0, pan: [0, 0, 0] };
  }

  down(e) {
    if (this.pointers.size === 0) { try { this.canvas.setPointerCapture(e.pointerId); } catch (_) { /* synthetic */ } }
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY, button: e.button });
    e.preventDefault();
  }

  up(e) {
    this.pointers.delete(e.pointerId);
    try { this.canvas.releasePointerCapture(e.pointerId); } catch (_) { /* not captured */ }
  }

  move(e) {
    const p = this.pointers.get(e.pointerId);
    if (!p) return;
    const h = this.canvas.clientHeight || 1;
    if (this.pointers.size === 1) {
      const dx = e.clientX - p.x, dy = e.clientY - p.y;
      p.x = e.clientX; p.y = e.clientY;
      if (p.button === 2 || e.shiftKey || e.ctrlKey || e.metaKey) this.apply({ pan: this.panVector(dx, dy, h) });
      else this.apply({ dTheta: -2 * Math.PI * dx / h, dPhi: -2 * Math.PI * dy / h });
      return;
    }
    // two fingers: the pinch dollies, their midpoint pans
    const [a, b] = [...this.pointers.values()];
    const before = Math.hypot(a.x - b.x, a.y - b.y), mid0 = [(a.x + b.x) / 2, (a.y + b.y) / 2];
    p.x = e.clientX; p.y = e.clientY;
    const after = Math.hypot(a.x - b.x, a.y - b.y), mid1 = [(a.x + b.x) / 2, (a.y + b.y) / 2];
    this.apply({ dollyScale: after > 0 && before > 0 ? before / after : 1, pan: this.panVector(mid1[0] - mid0[0], mid1[1] - mid0[1], h) });
  }

  wheel(e) {
    e.preventDefault();
    const delta = e.deltaY * (e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 100 : 1);
    if (!delta) return;
    const s = Math.pow(0.95, Math.abs(delta * 0.01)); // OrbitControls' zoom scale (zoomSpeed 1)
    this.apply({ dollyScale: delta < 0 ? s : 1 / s });
  }

  /** Arrow keys as OrbitControls (KEY_PAN_SPEED px, KEY_ROTATE_SPEED): they pan, or with
   *  Shift/Ctrl/Meta they turn, each press like a drag of that many pixels, damped like a drag. */
  key(e) {
    const step = { ArrowUp: [0, 1], ArrowDown: [0, -1], ArrowLeft: [1, 0], ArrowRight: [-1, 0] }[e.code];
    if (!step) return;
    e.preventDefault();
    const h = this.canvas.clientHeight || 1;
    if (e.shiftKey || e.ctrlKey || e.metaKey) this.apply({ dTheta: -2 * Math.PI * KEY_ROTATE_SPEED * step[0] / h, dPhi: -2 * Math.PI * KEY_ROTATE_SPEED * step[1] / h });
    else this.apply({ pan: this.panVector(KEY_PAN_SPEED * step[0], KEY_PAN_SPEED * step[1], h) });
  }

  /** World vector for a screen drag of (dx, dy) CSS pixels: the point under the finger follows it at the target's depth. */
  panVector(dx, dy, h) {
    const c = this.view.camera;
    const forward = normalize(sub(c.target, c.eye));
    const right = normalize(cross(forward, c.up));
    const upv = cross(right, forward);
    const perPixel = 2 * length(sub(c.eye, c.target)) * Math.tan((c.fovDeg * Math.PI / 180) / 2) / h;
    return add(scale(right, -dx * perPixel), scale(upv, dy * perPixel));
  }
}
