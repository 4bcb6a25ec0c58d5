// The framing rule (shared with exporters/posters/framing.py, used for the export posters): a
// view frames its subjects at any aspect ratio by moving the eye back along its line of sight
// until every corner of the subjects' boxes is inside BOTH the vertical and the horizontal
// field of view. The eye never moves closer than the curator put it.
import * as THREE from 'three';

export const MARGIN = 0.92; // share of the half-field the subjects may fill
// The aspect a curator's viewpoint is judged at when deciding what it frames (a desktop screen).
export const REFERENCE_ASPECT = 16 / 9;

const _r = new THREE.Vector3(), _u = new THREE.Vector3(), _f = new THREE.Vector3(), _p = new THREE.Vector3();

function basis(eye, target, up) {
  _f.subVectors(target, eye).normalize();
  _r.crossVectors(_f, up);
  if (_r.lengthSq() < 1e-12) _r.crossVectors(_f, new THREE.Vector3(0, 0, 1));
  _r.normalize();
  _u.crossVectors(_r, _f);
}

/** Metres to pull the eye back so every point (Vector3[]) fits the frustum of vertical field
 * fovDeg (degrees) at aspect (width / height); 0 when they already fit. */
export function pullBack(eye, target, up, fovDeg, aspect, points, margin = MARGIN) {
  basis(eye, target, up);
  const tanV = Math.tan(THREE.MathUtils.degToRad(fovDeg) / 2) * margin;
  const tanH = tanV * aspect;
  let need = 0;
  for (const q of points) {
    _p.subVectors(q, eye);
    const x = _p.dot(_r), y = _p.dot(_u), z = _p.dot(_f);
    need = Math.max(need, Math.max(Math.abs(x) / tanH, Math.abs(y) / tanV) - z);
  }
  return need;
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
