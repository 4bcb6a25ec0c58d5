// Reads the GLB subset exporters/bundle/glb_compression.py writes, for the first view: the
// JSON and BIN chunks, EXT_meshopt_compression bufferViews (decoded with meshopt's own
// decoder), KHR_mesh_quantization attributes kept quantized (WebGL reads them through
// normalized/integer attribute pointers), materials with KHR_texture_transform, POINTS and
// TRIANGLES primitives, and the node hierarchy (matrix or TRS). Every offset, length and count
// is checked against the bytes it points into: hostile files reject with one-line Errors.
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { compose, multiply, identity } from '../array_math.js';

const MAGIC = 0x46546c67, JSON_CHUNK = 0x4e4f534a, BIN_CHUNK = 0x004e4942;
const SIZES = { 5120: 1, 5121: 1, 5122: 2, 5123: 2, 5125: 4, 5126: 4 };
const COMPONENTS = { SCALAR: 1, VEC2: 2, VEC3: 3, VEC4: 4 };
const MAX_ELEMENTS = 1 << 24; // no first level comes near 16M vertices or indices
const MAX_DECODED = 256 << 20; // bytes one decoded bufferView may take
const MAX_DEPTH = 32;
const SUPPORTED = new Set(['EXT_meshopt_compression', 'KHR_mesh_quantization', 'KHR_texture_transform', 'KHR_xmp_json_ld']);
const ATTRIBUTES = { POSITION: [3], NORMAL: [3], TEXCOORD_0: [2], COLOR_0: [3, 4] };

const fail = (why) => { throw new Error(`malformed GLB: ${why}`); };
const index = (v, n, what) => { if (!Number.isInteger(v) || v < 0 || v >= n) fail(`${what} ${JSON.stringify(v)} out of range`); return v; };
const uint = (v, what, d = 0) => { if (v === undefined) return d; if (!Number.isInteger(v) || v < 0) fail(`${what} is not a non-negative integer`); return v; };
const nums = (v, n, d) => (Array.isArray(v) && v.length === n && v.every(Number.isFinite) ? v : d);

/** {json, bin: Uint8Array|null} of a GLB's two chunks. */
export function readChunks(buffer) {
  if (!(buffer instanceof ArrayBuffer) || buffer.byteLength < 20) fail('too short');
  const dv = new DataView(buffer);
  if (dv.getUint32(0, true) !== MAGIC) fail('not a GLB (bad magic)');
  if (dv.getUint32(4, true) !== 2) fail('glTF version is not 2');
  const total = dv.getUint32(8, true);
  if (total > buffer.byteLength || total < 20) fail('declared length exceeds the file');
  let at = 12, json = null, bin = null;
  while (at + 8 <= total) {
    const len = dv.getUint32(at, true), type = dv.getUint32(at + 4, true);
    if (len > total - at - 8) fail('chunk runs past the end of the file');
    const body = new Uint8Array(buffer, at + 8, len);
    if (json === null) {
      if (type !== JSON_CHUNK) fail('first chunk is not JSON');
      try { json = JSON.parse(new TextDecoder().decode(body)); } catch (_) { fail('JSON chunk does not parse'); }
    } else if (type === BIN_CHUNK && bin === null) bin = body;
    at += 8 + len + ((4 - (len % 4)) % 4);
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) fail('no JSON chunk');
  return { json, bin };
}

/** Parses one level: {primitives: [{mode, matrix, attributes, indices, vertexCount, material}], images}.
 *  attributes: {NAME: {bytes: Uint8Array, size, type (GL component enum), normalized, stride, count}};
 *  indices: Uint16Array|Uint32Array|Uint8Array or null; matrix: node-to-model 4x4 (column-major). */
export async function parseLevel(buffer) {
  const { json, bin } = readChunks(buffer);
  const list = (k) => (json[k] === undefined ? [] : Array.isArray(json[k]) ? json[k] : fail(`${k} is not an array`));
  for (const e of list('extensionsRequired')) if (!SUPPORTED.has(e)) fail(`required extension ${e} is not supported`);
  const buffers = list('buffers'), views = list('bufferViews'), accessors = list('accessors');
  const decoded = new Map();

  async function viewBytes(i) {
    const v = views[index(i, views.length, 'bufferView')];
    if (!v || typeof v !== 'object') fail(`bufferView ${i} is not an object`);
    if (decoded.has(i)) return decoded.get(i);
    const length = uint(v.byteLength, 'bufferView.byteLength');
    const ext = v.extensions && v.extensions.EXT_meshopt_compression;
    let bytes;
    if (ext) bytes = await meshopt(ext, length, i);
    else {
      const b = buffers[index(v.buffer, buffers.length, 'buffer')];
      if (!b || b.uri !== undefined || index(v.buffer, 1, 'buffer (only the GLB chunk holds data)') !== 0 || !bin) fail(`bufferView ${i} has no data in this file`);
      const offset = uint(v.byteOffset, 'bufferView.byteOffset');
      if (offset + length > bin.length) fail(`bufferView ${i} runs past the BIN chunk`);
      bytes = bin.subarray(offset, offset + length);
    }
    decoded.set(i, bytes);
    return bytes;
  }

  async function meshopt(ext, length, i) {
    if (index(ext.buffer, buffers.length, 'buffer') !== 0 || !bin) fail(`bufferView ${i}: compressed data must be in the BIN chunk`);
    const offset = uint(ext.byteOffset, 'byteOffset'), size = uint(ext.byteLength, 'byteLength');
    const count = uint(ext.count, 'count'), stride = uint(ext.byteStride, 'byteStride');
    if (offset + size > bin.length) fail(`bufferView ${i}: compressed bytes run past the BIN chunk`);
    const mode = ext.mode, filter = ext.filter || 'NONE';
    const ok = mode === 'ATTRIBUTES' ? stride > 0 && stride <= 256 && stride % 4 === 0
      : (mode === 'TRIANGLES' || mode === 'INDICES') && (stride === 2 || stride === 4) && (mode !== 'TRIANGLES' || count % 3 === 0);
    if (!ok || !['NONE', 'OCTAHEDRAL', 'QUATERNION', 'EXPONENTIAL'].includes(filter)) fail(`bufferView ${i}: unsupported meshopt mode/stride/filter`);
    if (count > MAX_ELEMENTS || count * stride > MAX_DECODED || count * stride > length) fail(`bufferView ${i}: count ${count} too large`);
    await MeshoptDecoder.ready;
    const out = new Uint8Array(count * stride);
    try {
      MeshoptDecoder.decodeGltfBuffer(out, count, stride, bin.subarray(offset, offset + size), mode, filter);
    } catch (_) { fail(`bufferView ${i}: meshopt data does not decode`); }
    return out;
  }

  /** An accessor's bytes from its first element to the end of its last. */
  async function accessor(i, sizes) {
    const a = accessors[index(i, accessors.length, 'accessor')];
    if (!a || typeof a !== 'object') fail(`accessor ${i} is not an object`);
    const size = COMPONENTS[a.type], comp = SIZES[a.componentType];
    if (!size || !comp || (sizes && !sizes.includes(size))) fail(`accessor ${i} has an unsupported type`);
    if (a.sparse !== undefined || a.bufferView === undefined) fail(`accessor ${i} has no plain bufferView`);
    const count = uint(a.count, 'accessor.count');
    if (count < 1 || count > MAX_ELEMENTS) fail(`accessor ${i} count ${count} out of range`);
    const view = views[index(a.bufferView, views.length, 'bufferView')];
    const bytes = await viewBytes(a.bufferView);
    const element = size * comp;
    const stride = view.byteStride === undefined ? element : uint(view.byteStride, 'byteStride');
    const offset = uint(a.byteOffset, 'accessor.byteOffset');
    if (stride < element || stride > 252 || stride % comp || offset % comp) fail(`accessor ${i} has a bad stride or offset`);
    const end = offset + stride * (count - 1) + element;
    if (end > bytes.length) fail(`accessor ${i} runs past its bufferView`);
    return { bytes: bytes.slice(offset, end), size, type: a.componentType, normalized: a.normalized === true, stride, count };
  }

  const images = list('images'), textures = list('textures'), materials = list('materials');
  const imageCache = new Map();
  async function image(i) {
    if (imageCache.has(i)) return imageCache.get(i);
    const im = images[index(i, images.length, 'image')];
    if (!im || im.uri !== undefined || !['image/jpeg', 'image/png'].includes(im.mimeType)) fail(`image ${i} is not a JPEG/PNG bufferView`);
    const out = { bytes: await viewBytes(im.bufferView), mime: im.mimeType, key: i };
    imageCache.set(i, out);
    return out;
  }
  async function material(i) {
    if (i === undefined) return { baseColor: [1, 1, 1, 1], metallic: 1, roughness: 1, texture: null };
    const m = materials[index(i, materials.length, 'material')] || {};
    const pbr = m.pbrMetallicRoughness || {};
    const out = { baseColor: nums(pbr.baseColorFactor, 4, [1, 1, 1, 1]),
      metallic: Number.isFinite(pbr.metallicFactor) ? pbr.metallicFactor : 1,
      roughness: Number.isFinite(pbr.roughnessFactor) ? pbr.roughnessFactor : 1, texture: null };
    const t = pbr.baseColorTexture;
    if (t && typeof t === 'object') {
      const tex = textures[index(t.index, textures.length, 'texture')] || {};
      const tt = (t.extensions && t.extensions.KHR_texture_transform) || {};
      out.texture = { image: await image(tex.source), offset: nums(tt.offset, 2, [0, 0]), scale: nums(tt.scale, 2, [1, 1]) };
    }
    return out;
  }

  const nodes = list('nodes'), meshes = list('meshes'), primitives = [];
  const scenes = list('scenes');
  const roots = scenes.length ? (scenes[index(json.scene === undefined ? 0 : json.scene, scenes.length, 'scene')].nodes || []) : [];
  const seen = new Set();
  async function visit(n, parent, depth) {
    index(n, nodes.length, 'node');
    if (seen.has(n) || depth > MAX_DEPTH) fail('node hierarchy has a cycle or is too deep');
    seen.add(n);
    const node = nodes[n] || {};
    const local = nums(node.matrix, 16, null) ? Float64Array.from(node.matrix)
      : compose(nums(node.translation, 3, [0, 0, 0]), nums(node.rotation, 4, [0, 0, 0, 1]), nums(node.scale, 3, [1, 1, 1]));
    const matrix = multiply(parent, local);
    if (node.mesh !== undefined) {
      const mesh = meshes[index(node.mesh, meshes.length, 'mesh')];
      for (const p of (mesh && Array.isArray(mesh.primitives) ? mesh.primitives : fail(`mesh ${node.mesh} has no primitives`))) {
        primitives.push(await primitive(p, matrix));
      }
    }
    for (const c of Array.isArray(node.children) ? node.children : []) await visit(c, matrix, depth + 1);
  }
  const attrCache = new Map();
  async function primitive(p, matrix) {
    const mode = p.mode === undefined ? 4 : p.mode;
    if (mode !== 0 && mode !== 4) fail(`primitive mode ${mode} is not supported`);
    if (!p.attributes || p.attributes.POSITION === undefined) fail('primitive without POSITION');
    const attributes = {};
    let vertexCount = Infinity;
    for (const [name, sizes] of Object.entries(ATTRIBUTES)) {
      const i = p.attributes[name];
      if (i === undefined) continue;
      if (!attrCache.has(i)) attrCache.set(i, await accessor(i, sizes));
      attributes[name] = attrCache.get(i);
      vertexCount = Math.min(vertexCount, attributes[name].count);
    }
    let indices = null;
    if (p.indices !== undefined) {
      const a = await accessor(p.indices, [1]);
      const Type = { 5121: Uint8Array, 5123: Uint16Array, 5125: Uint32Array }[a.type];
      if (!Type || a.stride !== Type.BYTES_PER_ELEMENT) fail('indices must be tightly packed unsigned integers');
      indices = new Type(a.bytes.buffer, a.bytes.byteOffset, a.count);
      let max = 0;
      for (let k = 0; k < indices.length; k++) if (indices[k] > max) max = indices[k];
      if (max >= vertexCount) fail(`index ${max} is past the ${vertexCount} vertices`);
      if (mode === 4 && indices.length % 3) fail('triangle indices are not a multiple of 3');
    }
    return { mode: mode === 0 ? 'points' : 'triangles', matrix, attributes, indices, vertexCount, material: await material(p.material) };
  }
  for (const n of Array.isArray(roots) ? roots : []) await visit(n, identity(), 0);
  return { primitives };
}

/** Model-space corners min/max (metres) of a primitive's positions under its node matrix. */
export function primitiveBounds(p) {
  const a = p.attributes.POSITION;
  const dv = new DataView(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength);
  const read = { 5120: (o) => dv.getInt8(o), 5121: (o) => dv.getUint8(o), 5122: (o) => dv.getInt16(o, true),
    5123: (o) => dv.getUint16(o, true), 5125: (o) => dv.getUint32(o, true), 5126: (o) => dv.getFloat32(o, true) }[a.type];
  const norm = !a.normalized ? 1 : { 5120: 127, 5121: 255, 5122: 32767, 5123: 65535 }[a.type] || 1;
  const comp = SIZES[a.type];
  const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < a.count; k++) {
    for (let c = 0; c < 3; c++) {
      let v = read(k * a.stride + c * comp) / norm;
      if (a.normalized && a.type !== 5121 && a.type !== 5123) v = Math.max(v, -1);
      if (v < lo[c]) lo[c] = v;
      if (v > hi[c]) hi[c] = v;
    }
  }
  return { min: lo, max: hi };
}
