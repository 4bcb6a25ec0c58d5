// Publisher trust: SHA-256 of loaded files against manifest.json, and the
// Ed25519 signature over the exact manifest.json text (Web Crypto).
import { fetchBytes } from './exhibit_loader.js';

function b64ToBytes(b64) {
  const bin = atob(String(b64 || '').trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export class ManifestCheck extends EventTarget {
  constructor(mode) {
    super();
    this.mode = mode;
    this.status = 'unchecked';
    this.signature = 'pending'; // 'valid' | 'invalid' | 'unsupported' | 'missing' | 'pending'
    this.bad = new Set();
    this.checked = new Set();
    this.manifest = null;
    this.fingerprint = '';
    this.institution = '';
    this.ready = this.init();
  }

  async loadMaterial() {
    const global = window.VITRINE_MANIFEST;
    if (this.mode === 'fetch') {
      try {
        const dec = new TextDecoder();
        const [m, s, k] = await Promise.all(['manifest.json', 'manifest.sig', 'publisher-key.json'].map((p) => fetchBytes(p)));
        const key = JSON.parse(dec.decode(k));
        return { manifestJson: dec.decode(m), signature: dec.decode(s).trim(), publicKey: key.public_key, fingerprint: key.fingerprint };
      } catch (_) { /* fall back to the script copy */ }
    }
    if (global && typeof global.manifest_json === 'string') {
      return { manifestJson: global.manifest_json, signature: global.signature, publicKey: global.public_key, fingerprint: global.fingerprint };
    }
    return null;
  }

  async init() {
    let material = null;
    try { material = await this.loadMaterial(); } catch (_) { material = null; }
    if (!material) { this.signature = 'missing'; this.update(); return; }
    try { this.manifest = JSON.parse(material.manifestJson); } catch (_) { this.manifest = null; }
    this.fingerprint = material.fingerprint || '';
    this.institution = (this.manifest && this.manifest.institution) || '';
    if (!material.signature || !material.publicKey) { this.signature = 'missing'; this.update(); return; }
    try {
      const key = await crypto.subtle.importKey('raw', b64ToBytes(material.publicKey), { name: 'Ed25519' }, false, ['verify']);
      const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, b64ToBytes(material.signature), new TextEncoder().encode(material.manifestJson));
      this.signature = ok ? 'valid' : 'invalid';
      if (!ok) this.bad.add('manifest.json');
      if (ok && material.fingerprint) {
        const fp = 'SHA256:' + await sha256Hex(b64ToBytes(material.publicKey));
        if (fp.toLowerCase() !== material.fingerprint.toLowerCase()) { this.signature = 'invalid'; this.bad.add('publisher-key.json'); }
      }
    } catch (err) {
      this.signature = (err && (err.name === 'NotSupportedError' || /Unrecognized|not supported/i.test(err.message))) ? 'unsupported' : 'invalid';
      if (this.signature === 'invalid') this.bad.add('manifest.json');
    }
    this.update();
  }

  entry(path) {
    const files = (this.manifest && Array.isArray(this.manifest.files)) ? this.manifest.files : [];
    return files.find((f) => f.path === path) || null;
  }

  /** Check bytes of one bundle file; returns true when they match (or cannot be checked). */
  async checkBytes(path, buffer) {
    await this.ready;
    if (!this.manifest) return true;
    const entry = this.entry(path);
    let ok;
    if (!entry) ok = false;
    else ok = (await sha256Hex(buffer)) === String(entry.sha256).toLowerCase() && (entry.size == null || entry.size === buffer.byteLength);
    this.checked.add(path);
    if (!ok) this.bad.add(path);
    this.update();
    return ok;
  }

  /** Over http, also check exhibit.json, data/exhibit.js, viewer.js and index.html as served. */
  async checkDocument(docBytes) {
    if (this.mode !== 'fetch') return;
    await this.ready;
    if (!this.manifest) return;
    if (docBytes) await this.checkBytes('exhibit.json', docBytes);
    const served = docBytes ? [] : ['exhibit.json']; // the document came from data/exhibit.js
    for (const p of [...served, 'data/exhibit.js', 'viewer.js', 'index.html']) {
      if (!this.entry(p)) continue;
      try { await this.checkBytes(p, await fetchBytes(p)); } catch (_) { this.bad.add(p); this.update(); }
    }
  }

  update() {
    let status;
    if (this.bad.size) status = 'tampered';
    else if (this.signature === 'missing' || !this.manifest) status = 'unsigned';
    else if (this.signature === 'valid') status = 'verified';
    else status = 'unchecked';
    this.status = status;
    this.dispatchEvent(new CustomEvent('change', { detail: this.result() }));
  }

  result() {
    return { status: this.status, files: Array.from(this.bad), signature: this.signature, institution: this.institution, fingerprint: this.fingerprint };
  }
}
