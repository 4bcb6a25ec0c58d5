// The first view: the exhibit's start view drawn with raw WebGL 2 from the coarsest model
// levels, before three.js (viewer.js) has arrived, with orbit controls from the first frame.
// No three.js here (the first script must stay small); the shading reproduces three's
// MeshStandardMaterial (first_shading.js) so the hand-off to the full viewer is seamless.
//   const view = FirstView.create(canvas, doc);      // null without WebGL 2
//   view.setCamera({eye, target, up, fovDeg});       // metres, degrees (vertical)
//   await view.addModel(artifactId, glbArrayBuffer); // rejects with a one-line Error if malformed
//   view.render();                                   // one frame at the canvas's drawing-buffer size
//   view.onChange = (camera) => {};                  // after the visitor moved (a frame is already requested)
//   view.getCamera(); view.boxes();                  // the pose to hand to OrbitControls; world AABBs
//   view.dispose();                                  // frees the GPU objects and loses the context
// The caller sizes the canvas (CSS size x devicePixelRatio) and gives it a tabIndex for the
// arrow keys; the context is lost after dispose, so three.js draws on a canvas of its own.
import { parseLevel, primitiveBounds } from './glb_subset.js';
import { environmentMeshes, background, lights } from './first_scene.js';
import { makeProgram, dfgTable } from './first_shading.js';
import { FirstControls } from './first_controls.js';
import { fromTransform, multiply, lookAt, perspective, normalMatrix, transformPoint, transformDirection } from '../array_math.js';

const LOC = { POSITION: 0, NORMAL: 1, TEXCOORD_0: 2, COLOR_0: 3 };

export class FirstView {
  /** A view on canvas for the viewer document doc, or null when WebGL 2 is unavailable. */
  static create(canvas, doc) {
    let gl = null;
    try { gl = canvas.getContext('webgl2', { antialias: true, alpha: true, premultipliedAlpha: true }); } catch (_) { gl = null; }
    return gl ? new FirstView(canvas, gl, doc || {}) : null;
  }

  constructor(canvas, gl, doc) {
    Object.assign(this, { canvas, gl, doc });
    this.camera = { eye: [0, 1.6, 3], target: [0, 1, 0], up: [0, 1, 0], fovDeg: 50, near: 0.01, far: 200 };
    this.lights = lights(doc);
    this.bg = background(doc);
    this.artifacts = new Map((doc.artifacts || []).map((a) => [a.id, a]));
    this.programs = new Map();
    this.models = new Map(); // artifactId -> {items, box}
    this.onChange = null; // called after the visitor moved the camera
    this.frameRequested = false;
    gl.vertexAttrib4f(LOC.COLOR_0, 1, 1, 1, 1);
    gl.vertexAttrib3f(LOC.NORMAL, 0, 0, 1);
    this.dfg = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, this.dfg);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RG16F, 16, 16, 0, gl.RG, gl.FLOAT, dfgTable());
    for (const [k, v] of [[gl.TEXTURE_MIN_FILTER, gl.LINEAR], [gl.TEXTURE_MAG_FILTER, gl.LINEAR], [gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE], [gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE]]) gl.texParameteri(gl.TEXTURE_2D, k, v);
    this.white = gl.createTexture(); // the map of surfaces without one
    gl.bindTexture(gl.TEXTURE_2D, this.white);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA8, 1, 1, 0, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array([255, 255, 255, 255]));
    this.envBuffers = new Map();
    this.environment = environmentMeshes(doc).map((m) => this.upload({ mode: 'triangles', material: m.material, matrix: m.matrix,
      attributes: { POSITION: { bytes: m.geometry.positions, size: 3, type: gl.FLOAT, normalized: false, stride: 12 },
        NORMAL: { bytes: m.geometry.normals, size: 3, type: gl.FLOAT, normalized: false, stride: 12 } },
      indices: m.geometry.indices }, this.envBuffers, new Map()));
    // compiled now, while the models are on their way
    this.program('standard');
    if (!this.bg.solid) this.program('background');
    this.controls = new FirstControls(canvas, this, () => { this.requestRender(); if (this.onChange) this.onChange(this.getCamera()); });
  }

  setCamera({ eye, target, up = [0, 1, 0], fovDeg = 50, near = 0.01, far = 200 }) {
    this.camera = { eye: [...eye], target: [...target], up: [...up], fovDeg, near, far };
  }

  getCamera() {
    const c = this.camera;
    return { eye: [...c.eye], target: [...c.target], up: [...c.up], fovDeg: c.fovDeg };
  }

  /** Parses one published level GLB and draws it under the artifact's transform (replacing an earlier level). */
  async addModel(artifactId, arrayBuffer) {
    const artifact = this.artifacts.get(artifactId);
    if (!artifact) throw new Error(`unknown artifact ${artifactId}`);
    let level;
    try {
      level = await parseLevel(arrayBuffer);
    } catch (err) { // a shape the checks did not foresee (a null where an object goes) is malformed too
      const text = String((err && err.message) || err).split('\n')[0];
      throw new Error(text.startsWith('malformed GLB: ') ? text : `malformed GLB: ${text}`);
    }
    const bitmaps = new Map();
    for (const p of level.primitives) {
      const im = p.material.texture && p.material.texture.image;
      if (im && !bitmaps.has(im.key)) {
        try {
          bitmaps.set(im.key, await createImageBitmap(new Blob([im.bytes], { type: im.mime }), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' }));
        } catch (_) { throw new Error(`malformed GLB: image ${im.key} does not decode`); }
      }
    }
    if (this.gl.isContextLost()) throw new Error('WebGL context lost');
    const world = fromTransform(artifact.transform);
    const dims = Array.isArray(artifact.dimensions) ? artifact.dimensions.map(Number).filter(Number.isFinite) : [];
    const pointSize = dims.length ? Math.max(...dims, 0.1) / 300 : 0.5 / 300; // scene_builder.js preparePoints
    const buffers = new Map(), textures = new Map();
    for (const [key, bitmap] of bitmaps) textures.set(key, this.texture(bitmap));
    const items = level.primitives.map((p) => this.upload({ ...p, matrix: multiply(world, p.matrix), pointSize }, buffers, textures));
    const lo = [Infinity, Infinity, Infinity], hi = [-Infinity, -Infinity, -Infinity];
    level.primitives.forEach((p, k) => {
      const b = primitiveBounds(p);
      for (let c = 0; c < 8; c++) {
        const q = transformPoint(items[k].matrix, [c & 1 ? b.max[0] : b.min[0], c & 2 ? b.max[1] : b.min[1], c & 4 ? b.max[2] : b.min[2]]);
        for (let i = 0; i < 3; i++) { lo[i] = Math.min(lo[i], q[i]); hi[i] = Math.max(hi[i], q[i]); }
      }
    });
    this.removeModel(artifactId);
    this.models.set(artifactId, { items, buffers: [...buffers.values()], textures: [...textures.values()], box: { min: lo, max: hi }, visible: artifact.visible !== false });
  }

  removeModel(artifactId) {
    const old = this.models.get(artifactId);
    if (!old) return;
    this.models.delete(artifactId);
    this.free(old.items, old.buffers, old.textures);
  }

  /** World AABBs {artifactId: {min, max}} (metres) of the added models. */
  boxes() {
    const out = {};
    for (const [id, m] of this.models) out[id] = { min: [...m.box.min], max: [...m.box.max] };
    return out;
  }

  texture(bitmap) {
    const gl = this.gl;
    const t = gl.createTexture();
    gl.bindTexture(gl.TEXTURE_2D, t);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false); // glTF: uv (0, 0) is the image's top left
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_COLORSPACE_CONVERSION_WEBGL, gl.NONE);
    gl.texImage2D(gl.TEXTURE_2D, 0, gl.SRGB8_ALPHA8, gl.RGBA, gl.UNSIGNED_BYTE, bitmap);
    gl.generateMipmap(gl.TEXTURE_2D);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR_MIPMAP_LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.REPEAT);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.REPEAT);
    if (bitmap.close) bitmap.close();
    return t;
  }

  /** GPU item of one primitive: the quantized attributes go to WebGL as they are. */
  upload(p, buffers, textures) {
    const gl = this.gl;
    const vao = gl.createVertexArray();
    gl.bindVertexArray(vao);
    for (const [name, a] of Object.entries(p.attributes)) {
      if (!buffers.has(a)) {
        const b = gl.createBuffer();
        gl.bindBuffer(gl.ARRAY_BUFFER, b);
        gl.bufferData(gl.ARRAY_BUFFER, a.bytes, gl.STATIC_DRAW);
        buffers.set(a, b);
      }
      gl.bindBuffer(gl.ARRAY_BUFFER, buffers.get(a));
      gl.enableVertexAttribArray(LOC[name]);
      gl.vertexAttribPointer(LOC[name], a.size, a.type, a.normalized, a.stride, 0);
    }
    let count = p.attributes.POSITION.count || p.attributes.POSITION.bytes.length / 3, indexType = 0, ibo = null;
    if (p.indices) {
      ibo = gl.createBuffer();
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, ibo);
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, p.indices, gl.STATIC_DRAW);
      count = p.indices.length;
      indexType = p.indices.BYTES_PER_ELEMENT === 4 ? gl.UNSIGNED_INT : p.indices.BYTES_PER_ELEMENT === 2 ? gl.UNSIGNED_SHORT : gl.UNSIGNED_BYTE;
    }
    gl.bindVertexArray(null);
    const m = p.material, tex = m.texture && p.attributes.TEXCOORD_0 ? m.texture : null;
    const points = p.mode === 'points';
    return { vao, ibo, count, indexType, mode: points ? gl.POINTS : gl.TRIANGLES, key: points ? 'points' : 'standard', material: m, matrix: p.matrix,
      texture: tex ? textures.get(tex.image.key) : this.white, uvTransform: tex ? [tex.scale[0], 0, 0, 0, tex.scale[1], 0, tex.offset[0], tex.offset[1], 1] : [1, 0, 0, 0, 1, 0, 0, 0, 1],
      pointSize: p.pointSize || 0, normalMatrix: null };
  }

  program(key) {
    if (this.programs.has(key)) return this.programs.get(key);
    const L = this.lights;
    const defines = { NUM_HEMI: L.hemi.length, NUM_DIR: L.dir.length, NUM_POINT: L.point.length, NUM_SPOT: L.spot.length };
    const prog = makeProgram(this.gl, key, defines);
    this.programs.set(key, prog);
    return prog;
  }

  requestRender() {
    if (this.frameRequested) return;
    this.frameRequested = true;
    requestAnimationFrame(() => { this.frameRequested = false; this.render(); });
  }

  /** One frame at the canvas's drawing-buffer size. */
  render() {
    const gl = this.gl;
    if (gl.isContextLost()) return;
    const w = gl.drawingBufferWidth, h = gl.drawingBufferHeight;
    gl.viewport(0, 0, w, h);
    const c = this.camera;
    const view = lookAt(c.eye, c.target, c.up);
    const proj = new Float32Array(perspective(c.fovDeg, w / Math.max(h, 1), c.near, c.far));
    const bg = this.bg;
    gl.depthMask(true);
    gl.colorMask(true, true, true, true);
    const s = bg.stops[0];
    gl.clearColor(s[0], s[1], s[2], 1);
    gl.clearDepth(1);
    gl.clear(gl.COLOR_BUFFER_BIT | gl.DEPTH_BUFFER_BIT);
    if (!bg.solid) {
      const p = this.program('background');
      p.ready();
      gl.useProgram(p.program);
      gl.disable(gl.DEPTH_TEST);
      gl.disable(gl.CULL_FACE);
      gl.uniform3fv(p.uniform('stops'), new Float32Array(bg.stops.flat().concat(new Array(24 - bg.stops.length * 3).fill(0))));
      gl.uniform1i(p.uniform('stopCount'), bg.stops.length);
      gl.bindVertexArray(null);
      gl.drawArrays(gl.TRIANGLES, 0, 3);
    }
    gl.enable(gl.DEPTH_TEST);
    gl.depthFunc(gl.LEQUAL);
    gl.enable(gl.CULL_FACE);
    gl.cullFace(gl.BACK);
    gl.frontFace(gl.CCW);
    gl.disable(gl.BLEND);
    const items = [...this.environment];
    for (const m of this.models.values()) if (m.visible) items.push(...m.items);
    const L = this.lights;
    const toView = (d) => transformDirection(view, d);
    const lightUniforms = {
      hemiSky: L.hemi.map((l) => l.sky), hemiGround: L.hemi.map((l) => l.ground), hemiDir: L.hemi.map((l) => toView(l.dir)),
      dirColor: L.dir.map((l) => l.color), dirDir: L.dir.map((l) => toView(l.dir)),
      pointColor: L.point.map((l) => l.color), pointPos: L.point.map((l) => transformPoint(view, l.pos)),
      spotColor: L.spot.map((l) => l.color), spotPos: L.spot.map((l) => transformPoint(view, l.pos)), spotDir: L.spot.map((l) => toView(l.dir)),
      spotCone: L.spot.map((l) => [l.range, l.coneCos, l.penumbraCos]),
    };
    for (const item of items) {
      const p = this.program(item.key);
      p.ready();
      gl.useProgram(p.program);
      const modelView = multiply(view, item.matrix);
      gl.uniformMatrix4fv(p.uniform('modelView'), false, new Float32Array(modelView));
      gl.uniformMatrix4fv(p.uniform('projection'), false, proj);
      gl.uniformMatrix3fv(p.uniform('normalMat'), false, normalMatrix(modelView));
      gl.uniformMatrix3fv(p.uniform('uvTransform'), false, new Float32Array(item.uvTransform));
      gl.uniform1f(p.uniform('pointSize'), item.pointSize * h / 2);
      const m = item.material;
      gl.uniform4fv(p.uniform('diffuse'), new Float32Array(m.baseColor));
      gl.uniform1f(p.uniform('metalness'), m.metallic);
      gl.uniform1f(p.uniform('roughness'), m.roughness);
      for (const [name, list] of Object.entries(lightUniforms)) if (list.length) gl.uniform3fv(p.uniform(name), new Float32Array(list.flat()));
      if (L.point.length) gl.uniform1fv(p.uniform('pointRange'), new Float32Array(L.point.map((l) => l.range)));
      gl.activeTexture(gl.TEXTURE0);
      gl.bindTexture(gl.TEXTURE_2D, item.texture);
      gl.uniform1i(p.uniform('map'), 0);
      gl.activeTexture(gl.TEXTURE1);
      gl.bindTexture(gl.TEXTURE_2D, this.dfg);
      gl.uniform1i(p.uniform('dfgLUT'), 1);
      gl.bindVertexArray(item.vao);
      if (item.indexType) gl.drawElements(item.mode, item.count, item.indexType, 0);
      else gl.drawArrays(item.mode, 0, item.count);
    }
    gl.bindVertexArray(null);
  }

  free(items, buffers = [], textures = []) {
    const gl = this.gl;
    for (const i of items) { gl.deleteVertexArray(i.vao); if (i.ibo) gl.deleteBuffer(i.ibo); }
    for (const b of buffers) gl.deleteBuffer(b);
    for (const t of textures) gl.deleteTexture(t);
  }

  /** Frees every buffer and texture and gives the context back (the full viewer takes over). */
  dispose() {
    const gl = this.gl;
    this.controls.dispose();
    for (const id of [...this.models.keys()]) this.removeModel(id);
    this.free(this.environment, [...this.envBuffers.values()]);
    this.envBuffers.clear();
    this.environment = [];
    for (const p of this.programs.values()) gl.deleteProgram(p.program);
    this.programs.clear();
    gl.deleteTexture(this.dfg);
    gl.deleteTexture(this.white);
    const lose = gl.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
  }
}
