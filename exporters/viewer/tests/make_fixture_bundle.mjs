#!/usr/bin/env node
// Writes a tiny hand-made exhibit bundle (the format the Python exporter
// produces) with the built viewer, for the browser checks.
//   node make_fixture_bundle.mjs OUT_DIR [--profile kiosk] [--idle SECONDS] [--attract rotate|tour] [--xss]
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, crc32 } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const viewerDir = join(here, '..');
const args = process.argv.slice(2);
const out = args.find((a) => !a.startsWith('--'));
if (!out) { console.error('usage: make_fixture_bundle.mjs OUT_DIR [--profile kiosk] [--idle S] [--attract rotate|tour] [--xss]'); process.exit(2); }
const opt = (name, dflt) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : dflt; };
const profile = opt('profile', 'web');
const idle = Number(opt('idle', '120'));
const attract = opt('attract', 'rotate');
const xss = args.includes('--xss');

// ---- GLB -----------------------------------------------------------------
function glb({ positions, normals, indices, color }) {
  const pos = new Float32Array(positions), nor = new Float32Array(normals), idx = new Uint16Array(indices);
  const pad4 = (n) => (n + 3) & ~3;
  const bin = Buffer.alloc(pad4(pos.byteLength) + pad4(nor.byteLength) + pad4(idx.byteLength));
  Buffer.from(pos.buffer).copy(bin, 0);
  Buffer.from(nor.buffer).copy(bin, pad4(pos.byteLength));
  Buffer.from(idx.buffer).copy(bin, pad4(pos.byteLength) + pad4(nor.byteLength));
  const min = [0, 1, 2].map((k) => Math.min(...pos.filter((_, i) => i % 3 === k)));
  const max = [0, 1, 2].map((k) => Math.max(...pos.filter((_, i) => i % 3 === k)));
  const json = {
    asset: { version: '2.0', generator: 'vitrine test fixture' },
    scene: 0, scenes: [{ nodes: [0] }], nodes: [{ mesh: 0 }],
    meshes: [{ primitives: [{ attributes: { POSITION: 0, NORMAL: 1 }, indices: 2, material: 0 }] }],
    materials: [{ pbrMetallicRoughness: { baseColorFactor: color, metallicFactor: 0, roughnessFactor: 0.6 } }],
    buffers: [{ byteLength: bin.length }],
    bufferViews: [
      { buffer: 0, byteOffset: 0, byteLength: pos.byteLength, target: 34962 },
      { buffer: 0, byteOffset: pad4(pos.byteLength), byteLength: nor.byteLength, target: 34962 },
      { buffer: 0, byteOffset: pad4(pos.byteLength) + pad4(nor.byteLength), byteLength: idx.byteLength, target: 34963 },
    ],
    accessors: [
      { bufferView: 0, componentType: 5126, count: pos.length / 3, type: 'VEC3', min, max },
      { bufferView: 1, componentType: 5126, count: nor.length / 3, type: 'VEC3' },
      { bufferView: 2, componentType: 5123, count: idx.length, type: 'SCALAR' },
    ],
  };
  let jsonBuf = Buffer.from(JSON.stringify(json));
  jsonBuf = Buffer.concat([jsonBuf, Buffer.alloc(pad4(jsonBuf.length) - jsonBuf.length, 0x20)]);
  const header = Buffer.alloc(12);
  header.writeUInt32LE(0x46546c67, 0); header.writeUInt32LE(2, 4);
  header.writeUInt32LE(12 + 8 + jsonBuf.length + 8 + bin.length, 8);
  const chunk = (type, data) => { const h = Buffer.alloc(8); h.writeUInt32LE(data.length, 0); h.writeUInt32LE(type, 4); return Buffer.concat([h, data]); };
  return Buffer.concat([header, chunk(0x4e4f534a, jsonBuf), chunk(0x004e4942, bin)]);
}

function cylinder(r, h, n, color) {
  const p = [], nm = [], ix = [];
  for (let i = 0; i <= n; i++) {
    const a = (i / n) * Math.PI * 2, x = Math.sin(a), z = Math.cos(a);
    p.push(r * x, 0, r * z, r * x, h, r * z); nm.push(x, 0, z, x, 0, z);
  }
  for (let i = 0; i < n; i++) { const k = i * 2; ix.push(k, k + 2, k + 1, k + 1, k + 2, k + 3); }
  for (const [y, ny] of [[h, 1], [0, -1]]) {
    const c = p.length / 3;
    p.push(0, y, 0); nm.push(0, ny, 0);
    for (let i = 0; i <= n; i++) { const a = (i / n) * Math.PI * 2; p.push(r * Math.sin(a), y, r * Math.cos(a)); nm.push(0, ny, 0); }
    for (let i = 0; i < n; i++) ny > 0 ? ix.push(c, c + 1 + i, c + 2 + i) : ix.push(c, c + 2 + i, c + 1 + i);
  }
  return glb({ positions: p, normals: nm, indices: ix, color });
}

function box(w, h, d, color) {
  const p = [], nm = [], ix = [];
  const faces = [[[1, 0, 0], [0, 1, 0], [0, 0, 1]], [[-1, 0, 0], [0, 1, 0], [0, 0, -1]], [[0, 1, 0], [0, 0, 1], [1, 0, 0]],
    [[0, -1, 0], [0, 0, -1], [1, 0, 0]], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]], [[0, 0, -1], [0, 1, 0], [1, 0, 0]]];
  const half = [w / 2, h / 2, d / 2];
  for (const [n, u, v] of faces) {
    const base = p.length / 3;
    for (const [su, sv] of [[-1, -1], [1, -1], [1, 1], [-1, 1]]) {
      const q = [0, 1, 2].map((k) => (n[k] + u[k] * su + v[k] * sv) * half[k] + (k === 1 ? h / 2 : 0));
      p.push(...q); nm.push(...n);
    }
    ix.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  // make every face wind counter-clockwise seen from outside
  for (let f = 0; f < 6; f++) {
    const [a, b, c] = ix.slice(f * 6, f * 6 + 3).map((i) => p.slice(i * 3, i * 3 + 3));
    const cr = [(b[1] - a[1]) * (c[2] - a[2]) - (b[2] - a[2]) * (c[1] - a[1]), (b[2] - a[2]) * (c[0] - a[0]) - (b[0] - a[0]) * (c[2] - a[2]), (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])];
    const n = nm.slice(ix[f * 6] * 3, ix[f * 6] * 3 + 3);
    if (cr[0] * n[0] + cr[1] * n[1] + cr[2] * n[2] < 0) { for (const o of [0, 3]) { const t = ix[f * 6 + o + 1]; ix[f * 6 + o + 1] = ix[f * 6 + o + 2]; ix[f * 6 + o + 2] = t; } }
  }
  return glb({ positions: p, normals: nm, indices: ix, color });
}

// ---- small media ---------------------------------------------------------
function png(w, h) {
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const o = y * (w * 3 + 1) + 1 + x * 3;
    raw[o] = 180 + (x * 60) / w; raw[o + 1] = 90 + (y * 80) / h; raw[o + 2] = 50;
  }
  const chunk = (type, data) => { const len = Buffer.alloc(4); len.writeUInt32BE(data.length); const td = Buffer.concat([Buffer.from(type), data]); const c = Buffer.alloc(4); c.writeUInt32BE(crc32(td)); return Buffer.concat([len, td, c]); };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(w, 0); ihdr.writeUInt32BE(h, 4); ihdr[8] = 8; ihdr[9] = 2;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function wav(seconds = 1, rate = 8000) {
  const n = seconds * rate, data = Buffer.alloc(n);
  for (let i = 0; i < n; i++) data[i] = 128 + Math.round(40 * Math.sin((i / rate) * 2 * Math.PI * 440));
  const h = Buffer.alloc(44);
  h.write('RIFF', 0); h.writeUInt32LE(36 + n, 4); h.write('WAVEfmt ', 8); h.writeUInt32LE(16, 16); h.writeUInt16LE(1, 20); h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24); h.writeUInt32LE(rate, 28); h.writeUInt16LE(1, 32); h.writeUInt16LE(8, 34); h.write('data', 36); h.writeUInt32LE(n, 40);
  return Buffer.concat([h, data]);
}

// ---- the exhibit -----------------------------------------------------------
const files = new Map();
const put = (path, data) => files.set(path, Buffer.isBuffer(data) ? data : Buffer.from(data));
const models = {
  'models/painted-vase/low.glb': cylinder(0.1, 0.35, 8, [0.71, 0.34, 0.18, 1]),
  'models/painted-vase/medium.glb': cylinder(0.1, 0.35, 40, [0.71, 0.34, 0.18, 1]),
  'models/bronze-box/low.glb': box(0.3, 0.2, 0.2, [0.23, 0.43, 0.65, 1]),
};
const sha = (b) => createHash('sha256').update(b).digest('hex');
const modelEntry = (file, level, faces) => ({ level, file, faces, points: 0, bytes: models[file].length, sha256: sha(models[file]) });
const X = xss ? { t: '<img src=x onerror=alert(1)>', b: '<script>alert(1)</script> & "quotes" <b>bold</b>', n: '<svg onload=alert(1)>', title: '</title><script>alert(1)</script>', alt: '"><img src=x onerror=alert(2)>' } : null;
const rot30 = [0, Math.sin(Math.PI / 12), 0, Math.cos(Math.PI / 12)];
// Embedded in exhibit.json as the exporter does (captions_text): file:// refuses <track src>.
const VTT = 'WEBVTT\n\n00:00.000 --> 00:01.000\nThe glaze ran while firing.\n';
const exhibit = {
  schema_version: 1,
  id: 'exh-fixture',
  title: { en: X ? X.title : 'Test Gallery', 'zh-Hans': '测试展厅' },
  description: { en: 'Two objects on plinths.', 'zh-Hans': '两个展台上的物品。' },
  languages: ['en', 'zh-Hans'],
  institution: 'Fixture Museum',
  credits: 'Scans: Fixture Museum imaging team.\n\nViewer: Vitrine.',
  rights: { statement_uri: 'http://rightsstatements.org/vocab/InC/1.0/', holder: 'Fixture Museum', attribution: '© Fixture Museum' },
  environment: { background: { kind: 'gradient', colors: ['#34404e', '#101216'] }, floor: { visible: true, color: '#5a5650', radius: 6.0 } },
  artifacts: [
    { id: 'art-vase', name: 'Painted vase', kind: 'mesh', visible: true,
      transform: { translation: [-0.6, 1.0, 0], rotation: [0, 0, 0, 1], scale: [1, 1, 1] }, dimensions: [0.2, 0.35, 0.2],
      models: [modelEntry('models/painted-vase/low.glb', 'low', 32), modelEntry('models/painted-vase/medium.glb', 'medium', 160)],
      record: { identifier: 'FM.1920.4', uri: 'https://collection.example.org/FM.1920.4', title: { en: 'Painted vase', 'zh-Hans': '彩绘花瓶' }, maker: 'Unknown potter',
        date: 'c. 1750', materials: ['earthenware', 'slip'], dimensions_catalogued: 'H 35 cm', institution: 'Fixture Museum', credit_line: 'Gift of A. Donor, 1920',
        description: { en: 'A vase.', 'zh-Hans': '一只花瓶。' }, classification: 'ceramics' },
      rights: { object: { statement_uri: '', holder: 'Fixture Museum', attribution: 'Object: public domain' }, model: { statement_uri: '', holder: 'Fixture Museum', attribution: 'Scan: CC BY 4.0 Fixture Museum' } } },
    { id: 'art-box', name: 'Bronze box', kind: 'mesh', visible: true,
      transform: { translation: [0.6, 0.9, 0], rotation: rot30, scale: [1, 1, 1] }, dimensions: [0.3, 0.2, 0.2],
      models: [modelEntry('models/bronze-box/low.glb', 'low', 12)], record: null, rights: { object: null, model: null } },
  ],
  plinths: [
    { id: 'pl-1', name: 'Plinth 1', shape: 'box', size: [0.45, 1.0, 0.45], color: '#e8e4dc', transform: { translation: [-0.6, 0, 0], rotation: [0, 0, 0, 1], scale: [1, 1, 1] } },
    { id: 'pl-2', name: 'Plinth 2', shape: 'cylinder', size: [0.5, 0.9, 0.5], color: '#d8d2c6', transform: { translation: [0.6, 0, 0], rotation: [0, 0, 0, 1], scale: [1, 1, 1] } },
  ],
  lights: [
    { id: 'l-amb', type: 'ambient', color: '#ffffff', intensity: 0.8 },
    { id: 'l-key', type: 'directional', color: '#fff4e0', intensity: 2.5, position: [2, 4, 3], target: [0, 1, 0] },
    { id: 'l-spot', type: 'spot', color: '#ffffff', intensity: 20, position: [0, 3, 1.5], target: [0, 1, 0], angle: 0.6, range: 8 },
  ],
  viewpoints: [
    { id: 'vp-overview', name: { en: 'Overview', 'zh-Hans': '全景' }, eye: [0, 1.55, 2.4], target: [0, 1.05, 0], up: [0, 1, 0], fov: 0.75 },
    { id: 'vp-vase', name: { en: 'The vase', 'zh-Hans': '花瓶' }, eye: [-0.5, 1.3, 0.85], target: [-0.6, 1.17, 0], up: [0, 1, 0], fov: 0.75 },
  ],
  start_viewpoint_id: 'vp-overview',
  annotations: [
    { id: 'ann-glaze', artifact_id: 'art-vase', point: [0, 0.2, 0.1], normal: [0, 0, 1],
      title: { en: X ? X.t : 'Glaze drips', 'zh-Hans': '釉滴' }, body: { en: X ? X.b : 'The glaze ran while firing.\n\nSee the drips near the foot.', 'zh-Hans': '烧制时釉料流动。\n\n注意底部附近的釉滴。' },
      image: { file: 'media/glaze.png', alt: { en: X ? X.alt : 'Close-up of glaze drips', 'zh-Hans': '釉滴特写' }, credit: 'Photo: Fixture Museum' },
      audio: { en: { file: 'media/glaze-en.wav', captions: 'media/glaze-en.vtt', captions_text: VTT } }, viewpoint_id: 'vp-vase', marker: { number: 1, color: '#d9534f' }, tags: ['glaze'] },
    { id: 'ann-back', artifact_id: 'art-vase', point: [0, 0.2, -0.1], normal: [0, 0, -1],
      title: { en: 'Maker\'s mark', 'zh-Hans': '制作者标记' }, body: { en: 'A stamp on the back.', 'zh-Hans': '背面的印章。' },
      image: null, audio: {}, viewpoint_id: null, marker: { number: 2, color: '#5bc0de' }, tags: [] },
    { id: 'ann-lid', artifact_id: 'art-box', point: [0, 0.1, 0.1], normal: [0, 0, 1],
      title: { en: 'Hinged lid', 'zh-Hans': '铰链盖' }, body: { en: 'The lid still opens.', 'zh-Hans': '盖子仍然可以打开。' },
      image: null, audio: {}, viewpoint_id: null, marker: { number: 3, color: '#5cb85c' }, tags: [] },
  ],
  tours: [
    { id: 'tour-highlights', title: { en: 'Highlights', 'zh-Hans': '精选' }, steps: [
      { id: 'st-1', viewpoint_id: 'vp-vase', annotation_id: 'ann-glaze', narration: { en: X ? X.n : 'Start with the vase.', 'zh-Hans': '从花瓶开始。' }, audio: {}, duration: 6 },
      { id: 'st-2', viewpoint_id: 'vp-overview', annotation_id: 'ann-lid', narration: { en: 'Now the box.', 'zh-Hans': '现在看盒子。' }, audio: {}, duration: 6 },
      { id: 'st-3', viewpoint_id: 'vp-overview', annotation_id: null, narration: { en: 'Thank you.', 'zh-Hans': '谢谢。' }, audio: {}, duration: 4 },
    ] },
  ],
  bundle: { profile, idle_timeout: idle, attract, generator: 'Vitrine 0.1.0', created: '2025-01-01T00:00:00Z', publisher: { institution: 'Fixture Museum', fingerprint: '' } },
};

const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const rawKey = publicKey.export({ format: 'der', type: 'spki' }).subarray(-32);
const fingerprint = 'SHA256:' + sha(rawKey);
exhibit.bundle.publisher.fingerprint = fingerprint;

for (const [path, data] of Object.entries(models)) {
  put(path, data);
  put(`${path}.js`, `(window.VITRINE_MODEL_DATA = window.VITRINE_MODEL_DATA || {})[${JSON.stringify(path)}] = "${data.toString('base64')}";\n`);
}
put('media/glaze.png', png(64, 48));
put('media/glaze-en.wav', wav());
put('media/glaze-en.vtt', VTT);
const exhibitText = JSON.stringify(exhibit, null, 2);
put('exhibit.json', exhibitText);
put('data/exhibit.js', `window.VITRINE_EXHIBIT = ${exhibitText};\n`);
const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const template = readFileSync(join(viewerDir, 'src/index.template.html'), 'utf8');
const fill = { TITLE: exhibit.title.en, LANG: 'en', DESCRIPTION: exhibit.description.en, GENERATOR: 'Vitrine 0.1.0', INSTITUTION: exhibit.institution, DIR: 'ltr' };
put('index.html', template.replace(/\{\{(\w+)\}\}/g, (m, k) => esc(fill[k] ?? '')));
put('viewer.js', readFileSync(join(viewerDir, 'dist/viewer.js')));
put('viewer.css', readFileSync(join(viewerDir, 'dist/viewer.css')));
put('credits.html', `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Credits</title></head><body><h1>Credits</h1><p>${esc(exhibit.credits)}</p></body></html>\n`);
put('publisher-key.json', JSON.stringify({ algorithm: 'Ed25519', public_key: rawKey.toString('base64'), fingerprint }, null, 2));

const manifest = {
  format: 'vitrine-manifest', version: 1, generator: 'Vitrine 0.1.0', created: '2025-01-01T00:00:00Z', institution: 'Fixture Museum',
  files: [...files.keys()].sort().map((path) => ({ path, size: files.get(path).length, sha256: sha(files.get(path)) })),
};
const manifestText = JSON.stringify(manifest, null, 2);
const signature = sign(null, Buffer.from(manifestText), privateKey).toString('base64');
put('manifest.json', manifestText);
put('manifest.sig', signature + '\n');
put('data/manifest.js', `window.VITRINE_MANIFEST = ${JSON.stringify({ manifest_json: manifestText, signature, public_key: rawKey.toString('base64'), fingerprint })};\n`);

for (const [path, data] of files) {
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), data);
}
console.log(JSON.stringify({ bundle: out, files: files.size, profile }));
