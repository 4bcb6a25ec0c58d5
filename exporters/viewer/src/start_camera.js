// The start view from the viewer document alone, in plain arrays (no three.js): the first script
// draws it before three.js has arrived, and the full viewer (view_core.js) starts from the same
// numbers, so the hand-over between the two never moves the camera.
import { fromTransform, transformPoint } from './array_math.js';
import { DEFAULT_FOV_DEG, fitFov, framedEye } from './framing_rule.js';

function numbers(v, n, fallback) {
  return Array.isArray(v) && v.length === n && v.every((x) => Number.isFinite(Number(x))) ? v.map(Number) : fallback;
}

/** The 8 corners of the local box [min, max] under a document transform (translation [m],
 * rotation quaternion [x, y, z, w], scale), as [x, y, z] world points. */
export function transformedCorners(min, max, transform) {
  const m = fromTransform(transform);
  const out = [];
  for (const x of [min[0], max[0]]) for (const y of [min[1], max[1]]) for (const z of [min[2], max[2]]) out.push(transformPoint(m, [x, y, z]));
  return out;
}

/** Corners of an artifact's box from its document dimensions (metres; standing on its origin,
 * centred in x and z), before its model is loaded. */
export function dimensionCorners(artifact) {
  const d = numbers(artifact.dimensions, 3, [0.5, 0.5, 0.5]);
  return transformedCorners([-d[0] / 2, 0, -d[2] / 2], [d[0] / 2, d[1], d[2] / 2], artifact.transform);
}

/** Corners of a plinth (box or cylinder, base centred on its transform's translation). */
export function plinthCorners(plinth) {
  const [w, h, d] = numbers(plinth.size, 3, [0.5, 1, 0.5]);
  const depth = plinth.shape === 'cylinder' ? w : d;
  return transformedCorners([-w / 2, 0, -depth / 2], [w / 2, h, depth / 2], plinth.transform);
}

/** A view of everything (plinths and artifacts) when the curator chose no viewpoint. */
export function autoViewpoint(doc) {
  const pts = [];
  for (const p of doc.plinths || []) pts.push(...plinthCorners(p));
  for (const a of doc.artifacts || []) {
    const t = numbers(a.transform && a.transform.translation, 3, [0, 0, 0]);
    const d = numbers(a.dimensions, 3, [0.5, 0.5, 0.5]);
    pts.push([t[0] - d[0] / 2, t[1], t[2] - d[2] / 2], [t[0] + d[0] / 2, t[1] + d[1], t[2] + d[2] / 2]);
  }
  let min = [-0.5, 0, -0.5], max = [0.5, 1.5, 0.5];
  if (pts.length) {
    min = [0, 1, 2].map((i) => Math.min(...pts.map((p) => p[i])));
    max = [0, 1, 2].map((i) => Math.max(...pts.map((p) => p[i])));
  }
  const c = [0, 1, 2].map((i) => (min[i] + max[i]) / 2);
  const r = Math.max(0.3, Math.hypot(max[0] - min[0], max[1] - min[1], max[2] - min[2]) / 2);
  return { id: null, eye: [c[0], c[1] + r * 0.5, c[2] + r * 2.4], target: c, fov: 0.8 };
}

/** The curator's start viewpoint, else the first viewpoint, else autoViewpoint. */
export function startViewpoint(doc) {
  const vps = Array.isArray(doc.viewpoints) ? doc.viewpoints : [];
  return vps.find((v) => v && v.id === doc.start_viewpoint_id) || vps[0] || autoViewpoint(doc);
}

/** What the start view frames: the corners of every visible artifact's document box. */
export function startSubjects(doc) {
  return (doc.artifacts || []).filter((a) => a && a.visible !== false).flatMap(dimensionCorners);
}

/** The start camera at aspect (width / height): {eye, target, up, fovDeg, baseFovDeg}, eye
 * pulled back so every visible artifact is on screen; fovDeg is the vertical field used. */
export function startCamera(doc, aspect) {
  const vp = startViewpoint(doc);
  const eye = numbers(vp.eye, 3, [0, 1.6, 3]), target = numbers(vp.target, 3, [0, 1, 0]);
  const up = numbers(vp.up, 3, [0, 1, 0]);
  const baseFovDeg = Number.isFinite(vp.fov) && vp.fov > 0 ? (vp.fov * 180) / Math.PI : DEFAULT_FOV_DEG;
  const fovDeg = fitFov(baseFovDeg, aspect);
  const subjects = startSubjects(doc);
  return { eye: subjects.length ? framedEye(eye, target, up, fovDeg, aspect, subjects) : eye, target, up, fovDeg, baseFovDeg };
}
