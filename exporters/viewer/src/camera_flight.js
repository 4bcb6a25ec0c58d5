// Smooth camera flights between viewpoints (cuts when the visitor prefers
// reduced motion). Drives OrbitControls' target together with the camera.
import * as THREE from 'three';
import { TOUR } from './visitor_rules.js';

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

  /** Fly (or cut) to eye/target; resolves when there. */
  flyTo({ eye, target, fov, up }, { duration = TOUR.flight_seconds, cut = false } = {}) {
    this.cancel();
    const toEye = new THREE.Vector3().fromArray(eye);
    const toTarget = new THREE.Vector3().fromArray(target);
    const toFov = Number.isFinite(fov) && fov > 0 ? THREE.MathUtils.radToDeg(fov) : this.baseFov;
    if (Array.isArray(up)) this.camera.up.fromArray(up);
    if (cut || prefersReducedMotion() || duration <= 0) {
      this.set(toEye, toTarget, toFov);
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
          if (t >= 1) { this.active = null; resolve(); }
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

  /**
   * Narrow (portrait) screens: widen the vertical field so the view is at least
   * as wide as the curator's view on a 4:3 screen (capped at 100°).
   */
  refit() {
    const aspect = this.camera.aspect || 1;
    const base = THREE.MathUtils.degToRad(this.baseFov);
    const wide = 2 * Math.atan(Math.tan(base / 2) * (4 / 3) / aspect);
    const fov = THREE.MathUtils.radToDeg(Math.min(Math.max(base, wide), THREE.MathUtils.degToRad(100)));
    if (Math.abs(this.camera.fov - fov) > 1e-6) {
      this.camera.fov = fov;
      this.camera.updateProjectionMatrix();
    }
  }

  cancel() {
    if (this.active) { const { resolve } = this.active; this.active = null; resolve(); }
  }

  /** Called every animation frame; returns true while flying. */
  tick(now) {
    if (!this.active) return false;
    this.active.step(now);
    return true;
  }
}
