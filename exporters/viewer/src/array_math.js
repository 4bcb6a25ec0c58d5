// Small column-major 4x4 matrix and vector helpers in plain arrays, for what runs without
// three.js: the first view (first_view/) and the framing rule and start camera both viewers
// use. Matrices are Float64Array(16), column-major as WebGL expects (uploaded as Float32Array);
// lengths in metres, angles in radians.

export const identity = () => { const m = new Float64Array(16); m[0] = m[5] = m[10] = m[15] = 1; return m; };

/** a * b (both 4x4 column-major). */
export function multiply(a, b) {
  const out = new Float64Array(16);
  for (let c = 0; c < 4; c++) {
    for (let r = 0; r < 4; r++) {
      out[c * 4 + r] = a[r] * b[c * 4] + a[4 + r] * b[c * 4 + 1] + a[8 + r] * b[c * 4 + 2] + a[12 + r] * b[c * 4 + 3];
    }
  }
  return out;
}

/** Translation [x,y,z], rotation quaternion [x,y,z,w] (normalised here), scale [x,y,z] -> 4x4. */
export function compose(t = [0, 0, 0], q = [0, 0, 0, 1], s = [1, 1, 1]) {
  const n = Math.hypot(q[0], q[1], q[2], q[3]) || 1;
  const [x, y, z, w] = q.map((v) => v / n);
  const m = new Float64Array(16);
  m[0] = (1 - 2 * (y * y + z * z)) * s[0]; m[1] = 2 * (x * y + w * z) * s[0]; m[2] = 2 * (x * z - w * y) * s[0];
  m[4] = 2 * (x * y - w * z) * s[1]; m[5] = (1 - 2 * (x * x + z * z)) * s[1]; m[6] = 2 * (y * z + w * x) * s[1];
  m[8] = 2 * (x * z + w * y) * s[2]; m[9] = 2 * (y * z - w * x) * s[2]; m[10] = (1 - 2 * (x * x + y * y)) * s[2];
  m[12] = t[0]; m[13] = t[1]; m[14] = t[2]; m[15] = 1;
  return m;
}

/** A document transform {translation, rotation, scale} (missing parts: identity) -> 4x4. */
export function fromTransform(t) {
  const arr = (v, n, d) => (Array.isArray(v) && v.length === n && v.every(Number.isFinite) ? v : d);
  return compose(arr(t && t.translation, 3, [0, 0, 0]), arr(t && t.rotation, 4, [0, 0, 0, 1]), arr(t && t.scale, 3, [1, 1, 1]));
}

export function transformPoint(m, p) {
  const w = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15] || 1;
  return [0, 1, 2].map((r) => (m[r] * p[0] + m[4 + r] * p[1] + m[8 + r] * p[2] + m[12 + r]) / w);
}

export function transformDirection(m, d) {
  const v = [0, 1, 2].map((r) => m[r] * d[0] + m[4 + r] * d[1] + m[8 + r] * d[2]);
  return normalize(v);
}

/** Inverse transpose of m's upper 3x3, as a column-major Float32Array(9) (the normal matrix). */
export function normalMatrix(m) {
  const [a, b, c, d, e, f, g, h, i] = [m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]];
  const A = e * i - f * h, B = -(d * i - f * g), C = d * h - e * g;
  const det = a * A + b * B + c * C || 1;
  // inverse (column-major) transposed = cofactor matrix / det
  return new Float32Array([A, B, C, -(b * i - c * h), a * i - c * g, -(a * h - b * g), b * f - c * e, -(a * f - c * d), a * e - b * d].map((v) => v / det));
}

export const sub = (a, b) => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const add = (a, b) => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const scale = (a, s) => [a[0] * s, a[1] * s, a[2] * s];
export const dot = (a, b) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a, b) => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const length = (a) => Math.hypot(a[0], a[1], a[2]);
export function normalize(a) { const l = length(a); return l > 0 ? scale(a, 1 / l) : [0, 0, 0]; }

/** View matrix of a camera at eye looking at target (three's Object3D.lookAt for cameras). */
export function lookAt(eye, target, up) {
  let z = normalize(sub(eye, target));
  if (length(z) === 0) z = [0, 0, 1];
  let x = normalize(cross(up, z));
  if (length(x) === 0) x = normalize(cross(up, add(z, [1e-4, 0, 1e-4])));
  const y = cross(z, x);
  const m = identity();
  m[0] = x[0]; m[4] = x[1]; m[8] = x[2];
  m[1] = y[0]; m[5] = y[1]; m[9] = y[2];
  m[2] = z[0]; m[6] = z[1]; m[10] = z[2];
  m[12] = -dot(x, eye); m[13] = -dot(y, eye); m[14] = -dot(z, eye);
  return m;
}

/** three's PerspectiveCamera projection: vertical fov (degrees), aspect w/h, near, far (metres). */
export function perspective(fovDeg, aspect, near, far) {
  const top = near * Math.tan((fovDeg * Math.PI / 180) / 2);
  const m = new Float64Array(16);
  m[0] = near / (top * aspect); m[5] = near / top;
  m[10] = -(far + near) / (far - near); m[11] = -1;
  m[14] = -2 * far * near / (far - near);
  return m;
}

/** '#rrggbb' (sRGB) -> linear [r, g, b], fallback when malformed (three's Color.set). */
export function linearColor(hex, fallback = '#888888') {
  const s = /^#[0-9a-f]{6}$/i.test(hex || '') ? hex : fallback;
  return [1, 3, 5].map((i) => {
    const c = parseInt(s.slice(i, i + 2), 16) / 255;
    return c < 0.04045 ? c * 0.0773993808 : Math.pow(c * 0.9478672986 + 0.0521327014, 2.4);
  });
}
