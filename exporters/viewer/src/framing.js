// The framing rule (framing_rule.js, shared with exporters/posters/framing.py) for three.js
// vectors and artifact groups.
import * as THREE from 'three';
import { MARGIN, REFERENCE_ASPECT, pullBack as pullBackRule } from './framing_rule.js';

export { MARGIN, REFERENCE_ASPECT };

/** Metres to pull the eye back so every point (Vector3[]) fits the frustum of vertical field
 * fovDeg (degrees) at aspect (width / height); 0 when they already fit (framing_rule.js). */
export function pullBack(eye, target, up, fovDeg, aspect, points, margin = MARGIN) {
  return pullBackRule(eye.toArray(), target.toArray(), up.toArray(), fovDeg, aspect, points.map((p) => p.toArray()), margin);
}

/** True when every point is inside the frustum (used to tell what a viewpoint frames). */
export function inFrustum(eye, target, up, fovDeg, aspect, points) {
  return pullBack(eye, target, up, fovDeg, aspect, points, 1) <= 1e-6;
}

/** The 8 world-space corners of an artifact group's box: its loaded model, else the box its
 * document dimensions give (standing on its origin, centred in x and z) under its transform. */
export function artifactCorners(group, dimensions) {
  group.updateWorldMatrix(true, true);
  const box = new THREE.Box3();
  let world = false;
  if (group.children.length) { box.setFromObject(group); world = !box.isEmpty(); }
  if (!world) {
    const d = Array.isArray(dimensions) && dimensions.length === 3 ? dimensions.map(Number) : [0.5, 0.5, 0.5];
    box.set(new THREE.Vector3(-d[0] / 2, 0, -d[2] / 2), new THREE.Vector3(d[0] / 2, d[1], d[2] / 2));
  }
  const out = [];
  for (const x of [box.min.x, box.max.x]) for (const y of [box.min.y, box.max.y]) for (const z of [box.min.z, box.max.z]) {
    const v = new THREE.Vector3(x, y, z);
    out.push(world ? v : v.applyMatrix4(group.matrixWorld));
  }
  return out;
}
