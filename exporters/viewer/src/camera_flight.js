// Smooth camera flights between viewpoints (cuts when the visitor prefers
// reduced motion). Drives OrbitControls' target together with the camera.
import * as THREE from 'three';
import { TOUR } from './visitor_rules.js';
import { pullBack } from './framing.js';
import { fitFov } from './framing_rule.js';

export function prefersReducedMotion() {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

const ease = (t) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);

export class CameraFlight {
  constructor(camera, controls, requestRender) {
    this.camera = camera;
    this.baseFov = camera.fov; // the curator's vertical field of view, in degrees
    this.controls = controls;
    this.requestRender = requestRender;
    this.active = null;
  }

  /** Fly (or cut) to eye/target; resolves when there. ``subjects`` (world points, the corners
   * of what the view frames) are kept fully on screen at this screen's aspect (framing.js). */
  flyTo({ eye, target, fov, up, subjects }, { duration = TOUR.flight_seconds, cut = false } = {}) {
    this.cancel();
    const toEye = new THREE.Vector3().fromArray(eye);
    const toTarget = new THREE.Vector3().fromArray(target);
    const toFov = Number.isFinite(fov) && fov > 0 ? THREE.MathUtils.radToDeg(fov) : this.baseFov;
    if (Array.isArray(up)) this.camera.up.fromArray(up);
    const framed = subjects && subjects.length ? { eye: toEye.clone(), target: toTarget.clone(), fov: toFov, subjects } : null;
    if (framed) this.frameEye(toEye, toTarget, toFov, subjects);
    if (cut || prefersReducedMotion() || duration <= 0) {
      this.set(toEye, toTarget, toFov);
      this.framed = framed;
      return Promise.resolve();
    }
    const fromEye = this.camera.position.clone();
    const fromTarget = this.controls.target.clone();
    const fromFov = this.baseFov;
    // Longer trips take a bit longer, within limits.
    const dist = fromEye.distanceTo(toEye) + fromTarget.distanceTo(toTarget);
    const seconds = Math.min(TOUR.flight_max_seconds, Math.max(TOUR.flight_min_seconds, duration * Math.min(1.5, 0.5 + dist / 3)));
    return new Promise((resolve) => {
      const start = performance.now();
      this.active = {
        resolve,
        step: (now) => {
          const t = Math.min(1, (now - start) / (seconds * 1000));
          const k = ease(t);
          this.set(fromEye.clone().lerp(toEye, k), fromTarget.clone().lerp(toTarget, k), fromFov + (toFov - fromFov) * k);
          if (t >= 1) { this.active = null; this.framed = framed; resolve(); }
        },
      };
      this.requestRender();
    });
  }

  set(eye, target, fovDeg) {
    this.camera.position.copy(eye);
    this.controls.target.copy(target);
    if (fovDeg) this.baseFov = fovDeg;
    this.refit();
    this.camera.lookAt(target);
    this.controls.update();
    this.requestRender();
  }

  /** Narrow (portrait) screens: a wider vertical field (framing_rule.js fitFov). */
  refit() {
    const fov = this.fitFov(this.baseFov);
    if (Math.abs(this.camera.fov - fov) > 1e-6) {
      this.camera.fov = fov;
      this.camera.updateProjectionMatrix();
    }
  }

  /** Move eye (in place) back along the line of sight until the subjects fit both fields of
   * view at the camera's aspect, with the field of view refit() would give for fovDeg. */
  frameEye(eye, target, fovDeg, subjects) {
    const fov = this.fitFov(fovDeg);
    const back = pullBack(eye, target, this.camera.up, fov, this.camera.aspect || 1, subjects);
    if (back > 0) eye.sub(target.clone().sub(eye).normalize().multiplyScalar(back));
  }

  /** After a resize: a view still as it was framed (the visitor has not moved since) is framed
   * again for the new aspect. */
  reframe() {
    if (!this.framed || this.active) return;
    const { eye, target, fov, subjects } = this.framed;
    const e = eye.clone();
    this.frameEye(e, target, fov, subjects);
    this.set(e, target.clone(), fov);
  }

  /** The vertical field (degrees) used for a curator's fovDeg at the camera's aspect. */
  fitFov(fovDeg) { return fitFov(fovDeg, this.camera.aspect || 1); }

  cancel() {
    this.framed = null; // the visitor (or a new flight) moved the camera: stop reframing it
    if (this.active) { const { resolve } = this.active; this.active = null; resolve(); }
  }

  /** Called every animation frame; returns true while flying. */
  tick(now) {
    if (!this.active) return false;
    this.active.step(now);
    return true;
  }
}
