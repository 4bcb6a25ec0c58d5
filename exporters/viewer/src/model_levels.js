// Progressive loading: every visible artifact's coarsest model first (with a
// progress bar), then finer levels replace it one by one. Each file's bytes
// are hashed against the manifest before they are parsed.
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { loadModelBytes } from './exhibit_loader.js';
import { preparePoints } from './scene_builder.js';
import levelTable from '../../../assets/levels/levels.json';

// Level order (coarse to fine) from assets/levels/levels.json, the one source shared with Python.
export const LEVELS = levelTable.order.slice();

export function defaultMaxLevel() {
  const q = new URLSearchParams(location.search).get('lod');
  if (LEVELS.includes(q)) return q;
  const small = Math.min(screen.width || 0, screen.height || 0) < 700 || (navigator.deviceMemory && navigator.deviceMemory < 4);
  return small ? 'medium' : 'high';
}

function dispose(object) {
  object.traverse((o) => {
    if (o.geometry) o.geometry.dispose();
    const mats = Array.isArray(o.material) ? o.material : (o.material ? [o.material] : []);
    for (const m of mats) {
      for (const v of Object.values(m)) if (v && v.isTexture) v.dispose();
      m.dispose();
    }
  });
}

export class ModelLevels extends EventTarget {
  constructor({ mode, doc, groups, check, kiosk, maxLevel = defaultMaxLevel() }) {
    super();
    Object.assign(this, { mode, doc, groups, check, kiosk, maxLevel });
    this.loader = new GLTFLoader();
    this.loader.setMeshoptDecoder(MeshoptDecoder);
    this.current = new Map(); // artifactId -> {level, object}
    this.refused = new Map(); // artifactId -> path
    this.failed = new Map();
    this.checks = []; // hash checks started so far (vitrine.verified waits for the first levels')
    this.plan = (doc.artifacts || []).filter((a) => a.visible !== false && Array.isArray(a.models) && a.models.length && groups.has(a.id)).map((a) => {
      const limit = LEVELS.indexOf(maxLevel);
      const fine = a.models.filter((m, i) => i === 0 || LEVELS.indexOf(m.level) <= limit || LEVELS.indexOf(m.level) < 0);
      return { artifact: a, models: fine };
    });
  }

  /** Occluder meshes (for hotspot raycasts). */
  meshes() {
    const out = [];
    for (const [id, { object }] of this.current) if (this.groups.get(id).visible) object.traverse((o) => { if (o.isMesh) out.push(o); });
    return out;
  }

  async loadOne(artifact, model, onProgress) {
    const buffer = await loadModelBytes(this.mode, model.file, model.bytes, onProgress);
    // A kiosk refuses a file that fails its check, so it waits for the hash (and the signed
    // manifest: three requests and a signature check). The web profile only flags such a
    // file, so it parses and draws while the check runs.
    const checking = this.check.checkBytes(model.file, buffer);
    this.checks.push(checking);
    if (this.kiosk && !(await checking)) {
      this.refuse(artifact, model.file);
      return false;
    }
    checking.catch(() => {}); // a failed check is reported by ManifestCheck, never thrown here
    const dir = model.file.includes('/') ? model.file.slice(0, model.file.lastIndexOf('/') + 1) : '';
    const gltf = await this.loader.parseAsync(buffer, dir);
    const object = gltf.scene;
    object.name = `${artifact.id}:${model.level}`;
    if (artifact.kind === 'points') preparePoints(object, artifact.dimensions);
    if (this.refused.has(artifact.id)) { dispose(object); return false; }
    const group = this.groups.get(artifact.id);
    const previous = this.current.get(artifact.id);
    group.add(object);
    if (previous) { group.remove(previous.object); dispose(previous.object); }
    this.current.set(artifact.id, { level: model.level, object });
    this.dispatchEvent(new CustomEvent('levelchange', { detail: { artifactId: artifact.id, level: model.level, file: model.file } }));
    return true;
  }

  refuse(artifact, path) {
    this.refused.set(artifact.id, path);
    const group = this.groups.get(artifact.id);
    group.visible = false;
    const previous = this.current.get(artifact.id);
    if (previous) { group.remove(previous.object); dispose(previous.object); this.current.delete(artifact.id); }
    this.dispatchEvent(new CustomEvent('refused', { detail: { artifactId: artifact.id, file: path } }));
  }

  /** Coarsest level of every visible artifact; resolves when all are drawn, refused or failed. */
  async loadFirst(onProgress) {
    const totals = this.plan.map((p) => Number(p.models[0].bytes) || 1);
    const loaded = totals.map(() => 0);
    const report = () => onProgress(loaded.reduce((a, b) => a + b, 0) / Math.max(1, totals.reduce((a, b) => a + b, 0)));
    await Promise.all(this.plan.map(async (p, i) => {
      try {
        await this.loadOne(p.artifact, p.models[0], (got, total) => { totals[i] = Math.max(total, 1); loaded[i] = got; report(); });
      } catch (err) {
        this.failed.set(p.artifact.id, String(err && err.message || err));
        this.dispatchEvent(new CustomEvent('error', { detail: { artifactId: p.artifact.id, error: String(err) } }));
      }
      loaded[i] = totals[i];
      report();
    }));
  }

  /** Then the finer levels, one file at a time. */
  async loadFiner() {
    for (let step = 1; ; step++) {
      const work = this.plan.filter((p) => p.models.length > step && !this.refused.has(p.artifact.id) && !this.failed.has(p.artifact.id));
      if (!work.length) break;
      for (const p of work) {
        try { await this.loadOne(p.artifact, p.models[step], () => {}); } catch (err) {
          this.dispatchEvent(new CustomEvent('error', { detail: { artifactId: p.artifact.id, error: String(err) } }));
        }
      }
    }
  }

  levels() {
    const out = {};
    for (const [id, { level }] of this.current) out[id] = level;
    return out;
  }
}
