// The environment the full viewer draws (scene_builder.js, room.js), as plain geometry for the
// first view: background, the round floor or the room's floor and walls, plinths and lights,
// from the viewer document with the shared defaults of visitor.json. Only the named keys are
// imported from visitor.json so the first script carries just those.
import { colors as COLORS, default_lights as DEFAULT_LIGHTS } from '../../visitor.json';
import { wallFrame, wallPieces, validRoom } from '../room_layout.js';
import { fromTransform, compose, linearColor, normalize, sub, cross, dot } from '../array_math.js';

/** Geometry {positions, normals: Float32Array (n*3), indices: Uint16Array} with every triangle
 *  wound counter-clockwise as seen from the side its normals face (three culls the back). */
function mesh(positions, normals, indices) {
  for (let t = 0; t < indices.length; t += 3) {
    const [a, b, c] = [indices[t], indices[t + 1], indices[t + 2]].map((k) => positions.slice(k * 3, k * 3 + 3));
    if (dot(cross(sub(b, a), sub(c, a)), normals.slice(indices[t] * 3, indices[t] * 3 + 3)) < 0) {
      [indices[t + 1], indices[t + 2]] = [indices[t + 2], indices[t + 1]];
    }
  }
  return { positions: new Float32Array(positions), normals: new Float32Array(normals), indices: new Uint16Array(indices) };
}

/** three's CircleGeometry(radius, 64) turned to lie on the floor (normal +y). */
function disc(radius, segments = 64) {
  const p = [0, 0, 0], n = [0, 1, 0], idx = [];
  for (let s = 0; s <= segments; s++) {
    const a = (s / segments) * Math.PI * 2;
    p.push(radius * Math.cos(a), 0, -radius * Math.sin(a));
    n.push(0, 1, 0);
    if (s > 0) idx.push(0, s, s + 1);
  }
  return mesh(p, n, idx);
}

/** A w x h rectangle in the plane spanned by unit vectors u (width) and v (height), centred at c, facing nrm. */
function quad(c, u, v, w, h, nrm) {
  const p = [], n = [];
  for (const [su, sv] of [[-1, 1], [1, 1], [-1, -1], [1, -1]]) {
    for (let k = 0; k < 3; k++) p.push(c[k] + u[k] * su * w / 2 + v[k] * sv * h / 2);
    n.push(...nrm);
  }
  return mesh(p, n, [0, 2, 1, 2, 3, 1]);
}

/** three's BoxGeometry(w, h, d) moved up by h/2 (the transform's translation is the base's centre). */
function box(w, h, d) {
  const parts = [];
  for (const [axis, sign] of [[0, 1], [0, -1], [1, 1], [1, -1], [2, 1], [2, -1]]) {
    const nrm = [0, 0, 0]; nrm[axis] = sign;
    const size = [w, h, d];
    const c = [0, h / 2, 0]; c[axis] += sign * size[axis] / 2;
    const ua = (axis + 1) % 3, va = (axis + 2) % 3;
    const u = [0, 0, 0], v = [0, 0, 0]; u[ua] = 1; v[va] = 1;
    parts.push(quad(c, u, v, size[ua], size[va], nrm));
  }
  return merge(parts);
}

/** three's CylinderGeometry(r, r, h, 48), base at y = 0: smooth side, flat caps. */
function cylinder(r, h, segments = 48) {
  const p = [], n = [], idx = [];
  for (let s = 0; s <= segments; s++) {
    const t = (s / segments) * Math.PI * 2, sx = Math.sin(t), cz = Math.cos(t);
    p.push(r * sx, h, r * cz, r * sx, 0, r * cz);
    n.push(sx, 0, cz, sx, 0, cz);
    if (s > 0) { const a = (s - 1) * 2; idx.push(a, a + 1, a + 2, a + 1, a + 3, a + 2); }
  }
  const side = mesh(p, n, idx);
  const caps = [h, 0].map((y) => {
    const cp = [0, y, 0], cn = [0, y ? 1 : -1, 0], ci = [];
    for (let s = 0; s <= segments; s++) {
      const t = (s / segments) * Math.PI * 2;
      cp.push(r * Math.sin(t), y, r * Math.cos(t));
      cn.push(0, y ? 1 : -1, 0);
      if (s > 0) ci.push(0, s, s + 1);
    }
    return mesh(cp, cn, ci);
  });
  return merge([side, ...caps]);
}

function merge(parts) {
  let count = 0;
  const p = [], n = [], idx = [];
  for (const m of parts) {
    p.push(...m.positions); n.push(...m.normals);
    for (const k of m.indices) idx.push(k + count);
    count += m.positions.length / 3;
  }
  return { positions: new Float32Array(p), normals: new Float32Array(n), indices: new Uint16Array(idx) };
}

const standard = (hex, fallback, roughness) => ({ baseColor: [...linearColor(hex, fallback), 1], metallic: 0, roughness, texture: null });

/** Environment pieces: [{name, geometry, material, matrix}] (world metres), as scene_builder.js builds them. */
export function environmentMeshes(doc) {
  const env = doc.environment || {};
  const out = [];
  const room = env.room;
  if (validRoom(room)) {
    out.push({ name: 'room-floor', geometry: quad([0, 0, 0], [1, 0, 0], [0, 0, -1], room.width, room.depth, [0, 1, 0]),
      material: standard(room.floor_color, '#6b625a', 0.9), matrix: compose() });
    const wallMaterial = standard(room.wall_color, '#d9d4c7', 0.95);
    for (const piece of wallPieces(room)) {
      const f = wallFrame(room, piece.wall);
      const mid = (piece.u0 + piece.u1) / 2;
      const c = [f.c[0] + f.u[0] * mid, (piece.y0 + piece.y1) / 2, f.c[2] + f.u[2] * mid];
      out.push({ name: `room-wall:${piece.wall}`, geometry: quad(c, f.u, [0, 1, 0], piece.u1 - piece.u0, piece.y1 - piece.y0, f.n),
        material: wallMaterial, matrix: compose() });
    }
  } else {
    const floor = env.floor || { visible: true, color: COLORS.floor, radius: 6 };
    if (floor.visible !== false) {
      const radius = Number(floor.radius) > 0 ? Number(floor.radius) : 6;
      out.push({ name: 'floor', geometry: disc(radius), material: standard(floor.color, COLORS.floor, 0.95), matrix: compose() });
    }
  }
  for (const p of doc.plinths || []) {
    const [w, h, d] = (Array.isArray(p.size) ? p.size : [0.5, 1, 0.5]).map(Number);
    out.push({ name: `plinth:${p.id}`, geometry: p.shape === 'cylinder' ? cylinder(w / 2, h) : box(w, h, d),
      material: standard(p.color, COLORS.plinth, 0.8), matrix: fromTransform(p.transform) });
  }
  return out;
}

/** Background: {stops: [[r, g, b] sRGB 0..1] top to bottom, solid: bool}. */
export function background(doc) {
  const bg = (doc.environment || {}).background || { kind: 'solid', colors: [COLORS.background] };
  const list = Array.isArray(bg.colors) && bg.colors.length ? bg.colors : [COLORS.background];
  const srgb = (hex) => { const s = /^#[0-9a-f]{6}$/i.test(hex || '') ? hex : '#888888'; return [1, 3, 5].map((i) => parseInt(s.slice(i, i + 2), 16) / 255); };
  const gradient = bg.kind === 'gradient' && list.length > 1;
  return { solid: !gradient, stops: (gradient ? list.slice(0, 8) : [list[0]]).map(srgb) };
}

/** World-space lights, grouped as the shader takes them (linear colours times intensity):
 *  {hemi: [{sky, ground, dir}], dir: [{color, dir}], point: [{color, pos, range}],
 *   spot: [{color, pos, dir, range, coneCos, penumbraCos}]}; dir points from the surface to the light. */
export function lights(doc) {
  const list = doc.lights && doc.lights.length ? doc.lights : DEFAULT_LIGHTS;
  const out = { hemi: [], dir: [], point: [], spot: [] };
  const vec = (v, d) => (Array.isArray(v) && v.length === 3 && v.every(Number.isFinite) ? v : d);
  for (const l of list) {
    const i = Number.isFinite(l.intensity) ? l.intensity : 1;
    const c = linearColor(l.color, '#ffffff').map((v) => v * i);
    // three's lights stand at DEFAULT_UP (0, 1, 0) and aim at the origin unless placed
    const pos = vec(l.position, l.type === 'point' ? [0, 0, 0] : [0, 1, 0]);
    const target = vec(l.target, [0, 0, 0]);
    if (l.type === 'ambient') out.hemi.push({ sky: c, ground: linearColor(COLORS.ambient_ground).map((v) => v * i), dir: normalize(pos) });
    else if (l.type === 'point') out.point.push({ color: c, pos, range: Number(l.range) || 0 });
    else if (l.type === 'spot') {
      const angle = Number(l.angle) || Math.PI / 6;
      out.spot.push({ color: c, pos, dir: normalize(sub(pos, target)), range: Number(l.range) || 0,
        coneCos: Math.cos(angle), penumbraCos: Math.cos(angle * (1 - 0.3)) });
    } else out.dir.push({ color: c, dir: normalize(sub(pos, target)) });
  }
  return out;
}
