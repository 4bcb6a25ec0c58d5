// The framing rule in plain arrays (no three.js), so the small first script (first_main.js) frames
// the start view exactly as the full viewer does (framing.js, camera_flight.js and view_core.js
// call these too) and as exporters/posters/framing.py does for the export posters: a view frames
// its subjects at any aspect ratio by moving the eye back along its line of sight until every
// corner of the subjects' boxes is inside BOTH the vertical and the horizontal field of view.
// The eye never moves closer than the curator put it. Points are [x, y, z] in metres.
import { cross, dot, normalize, sub } from './array_math.js';

export const MARGIN = 0.92; // share of the half-field the subjects may fill
// The aspect a curator's viewpoint is judged at when deciding what it frames (a desktop screen).
export const REFERENCE_ASPECT = 16 / 9;
// The vertical field of view (degrees) of a viewpoint that names none.
export const DEFAULT_FOV_DEG = 50;
const MAX_FOV_DEG = 100;


/** Right, up and forward unit vectors of a camera at eye looking at target. */
export function viewBasis(eye, target, up) {
  const f = normalize(sub(target, eye));
  let r = cross(f, up);
  if (dot(r, r) < 1e-12) r = cross(f, [0, 0, 1]);
  r = normalize(r);
  return { r, u: cross(r, f), f };
}

/** Metres to pull the eye back so every point fits the frustum of vertical field fovDeg
 * (degrees) at aspect (width / height); 0 when they already fit. */
export function pullBack(eye, target, up, fovDeg, aspect, points, margin = MARGIN) {
  const { r, u, f } = viewBasis(eye, target, up);
  const tanV = Math.tan((fovDeg * Math.PI) / 180 / 2) * margin;
  const tanH = tanV * aspect;
  let need = 0;
  for (const q of points) {
    const p = sub(q, eye);
    need = Math.max(need, Math.max(Math.abs(dot(p, r)) / tanH, Math.abs(dot(p, u)) / tanV) - dot(p, f));
  }
  return need;
}

/** The vertical field (degrees) used for a curator's fovDeg at aspect: narrow (portrait) screens
 * get a field at least as wide as the curator's view on a 4:3 screen, capped at 100°. */
export function fitFov(fovDeg, aspect) {
  const base = (fovDeg * Math.PI) / 180;
  const wide = 2 * Math.atan((Math.tan(base / 2) * (4 / 3)) / (aspect || 1));
  return (Math.min(Math.max(base, wide), (MAX_FOV_DEG * Math.PI) / 180) * 180) / Math.PI;
}

/** eye moved back along its line of sight so the subjects fit (a new array). */
export function framedEye(eye, target, up, fovDeg, aspect, subjects) {
  const back = pullBack(eye, target, up, fovDeg, aspect, subjects);
  if (!(back > 0)) return eye.slice();
  const d = normalize(sub(target, eye));
  return [eye[0] - d[0] * back, eye[1] - d[1] * back, eye[2] - d[2] * back];
}

/** Device pixels per CSS pixel of the drawing buffer for a w × h (CSS px) view: the screen's,
 * at most 2, and capped near 4K (8.3 million pixels) so big kiosks and phones stay smooth. */
export function bufferRatio(w, h) {
  return Math.min(window.devicePixelRatio || 1, 2, Math.sqrt(8.3e6 / (w * h)));
}
