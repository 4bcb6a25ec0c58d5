// Publisher trust: SHA-256 of loaded files against manifest.json, the Ed25519
// signature over the exact manifest.json text (Web Crypto), and whether the
// signing key is the one pinned from outside the bundle (publisher_trust.js).
import { fetchBytes, loadScript } from './exhibit_loader.js';
import { b64ToBytes, fingerprintOf, normaliseFingerprint, pinFromLocation, sha256Hex, trustOf } from './publisher_trust.js';

export { sha256Hex };

export class ManifestCheck extends EventTarget {
  /**
   * after: a promise to wait for before anything is downloaded (the web profile passes its first
   * frame, so the manifest, its signature and the key do not share the slow link with the first
   * models); a kiosk checks first and shows after.
   */
  constructor(mode, { pinned = pinFromLocation(), after = null } = {}) {
    super();
    this.mode = mode;
    this.pinned = pinned;
    this.status = 'unchecked';
    this.signature = 'pending'; // 'valid' | 'invalid' | 'unsupported' | 'missing' | 'pending'
    this.bad = new Set();
    this.checked = new Set();
    this.manifest = null;
    this.manifestProblem = 'pending'; // '' | 'missing' | 'unparsable' | 'pending'
    this.fingerprint = '';
    this.institution = ''; // self-declared in the manifest: shown only when the signer is pinned
    this.trusted = null; // null: no pin; true: signer is (or rotated from) the pin; false: another key
    this.via = null; // the pinned fingerprint when the signer was reached through rotation
    this.keyBytes = null; // publisher-key.json as served (fetch mode), hashed once the manifest is known
    this.ready = Promise.resolve(after).then(() => this.init(), () => this.init());
  }

  async loadMaterial() {
    if (this.mode === 'fetch') {
      try {
        const dec = new TextDecoder();
        const [m, s, k] = await Promise.all(['manifest.json', 'manifest.sig', 'publisher-key.json'].map((p) => fetchBytes(p)));
        const key = JSON.parse(dec.decode(k));
        this.keyBytes = k;
        return { manifestJson: dec.decode(m), signature: dec.decode(s).trim(), publicKey: key.public_key, fingerprint: key.fingerprint, rotations: key.rotations };
      } catch (_) { /* fall back to the script copy */ }
    }
    // data/manifest.js is not in index.html: over http the viewer reads manifest.json (the bytes
    // that are signed); only file:// (or a failed fetch) needs this script copy.
    if (!window.VITRINE_MANIFEST) await loadScript('data/manifest.js').catch(() => {});
    const global = window.VITRINE_MANIFEST;
    if (global && typeof global.manifest_json === 'string') {
      return { manifestJson: global.manifest_json, signature: global.signature, publicKey: global.public_key, fingerprint: global.fingerprint, rotations: global.rotations };
    }
    return null;
  }

  async init() {
    let material = null;
    try { material = await this.loadMaterial(); } catch (_) { material = null; }
    if (!material) { this.signature = 'missing'; this.manifestProblem = 'missing'; this.update(); return; }
    try {
      const parsed = JSON.parse(material.manifestJson);
      if (!parsed || !Array.isArray(parsed.files)) throw new Error('no file list');
      this.manifest = parsed;
      this.manifestProblem = '';
      this.institution = typeof parsed.institution === 'string' ? parsed.institution.trim() : '';
    } catch (_) {
      this.manifest = null;
      this.manifestProblem = 'unparsable';
      this.bad.add('manifest.json');
    }
    if (!material.signature || !material.publicKey) { this.signature = 'missing'; this.update(); return; }
    try {
      const raw = b64ToBytes(material.publicKey);
      // The fingerprint shown is always computed from the key that verifies, never the one declared.
      this.fingerprint = await fingerprintOf(raw);
      const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
      const ok = await crypto.subtle.verify({ name: 'Ed25519' }, key, b64ToBytes(material.signature), new TextEncoder().encode(material.manifestJson));
      this.signature = ok ? 'valid' : 'invalid';
      if (!ok) this.bad.add('manifest.json');
      if (ok && material.fingerprint && normaliseFingerprint(material.fingerprint) !== this.fingerprint) {
        this.signature = 'invalid';
        this.bad.add('publisher-key.json');
      }
      if (this.signature === 'valid') {
        const t = await trustOf(this.fingerprint, this.pinned, material.rotations);
        this.trusted = t.trusted;
        this.via = t.via;
      }
    } catch (err) {
      this.signature = (err && (err.name === 'NotSupportedError' || /Unrecognized|not supported/i.test(err.message))) ? 'unsupported' : 'invalid';
      if (this.signature === 'invalid') this.bad.add('manifest.json');
    }
    if (this.keyBytes && this.manifest && this.entry('publisher-key.json')) await this.checkBytes('publisher-key.json', this.keyBytes, { wait: false });
    this.update();
  }

  entry(path) {
    const files = (this.manifest && Array.isArray(this.manifest.files)) ? this.manifest.files : [];
    return files.find((f) => f && f.path === path) || null;
  }

  /**
   * Check bytes of one bundle file; true when they match. Without a readable manifest there
   * is nothing to check against: true (the web profile shows it, flagged 'unsigned'); the
   * kiosk refuses everything earlier (mustCloseKiosk).
   */
  async checkBytes(path, buffer, { wait = true } = {}) {
    if (wait) await this.ready;
    if (!this.manifest) return true;
    const entry = this.entry(path);
    let ok;
    if (!entry) ok = false;
    else ok = (await sha256Hex(buffer)) === String(entry.sha256).toLowerCase() && (entry.size == null || entry.size === buffer.byteLength);
    this.checked.add(path);
    if (!ok) this.bad.add(path);
    if (wait) this.update();
    return ok;
  }

  /**
   * The exhibit document's bytes (when known) as exhibit.json; over http also data/exhibit.js,
   * viewer-first.js, viewer.js, viewer-ui.js and index.html as served.
   */
  async checkDocument(docBytes) {
    await this.ready;
    if (!this.manifest) return;
    if (docBytes) await this.checkBytes('exhibit.json', docBytes);
    if (this.mode !== 'fetch') return;
    const served = docBytes ? [] : ['exhibit.json']; // the document came from data/exhibit.js
    for (const p of [...served, 'data/exhibit.js', 'viewer-first.js', 'viewer.js', 'viewer-ui.js', 'index.html']) {
      if (!this.entry(p)) continue;
      try { await this.checkBytes(p, await fetchBytes(p, { reuse: true })); } catch (_) { this.bad.add(p); this.update(); }
    }
  }

  /**
   * Why a kiosk must show nothing at all, or '' when it may show what matches:
   * 'missing' | 'unparsable' (no usable manifest), 'unsigned', 'invalid' (signature),
   * 'wrong-key' (a pin was given and the signer is not it), 'unsupported' (cannot check).
   */
  kioskRefusal() {
    if (this.manifestProblem) return this.manifestProblem === 'pending' ? 'unsupported' : this.manifestProblem;
    if (this.signature === 'missing') return 'unsigned';
    if (this.signature === 'invalid') return 'invalid';
    if (this.signature !== 'valid') return 'unsupported';
    if (this.trusted === false) return 'wrong-key';
    return '';
  }

  update() {
    let status;
    if (this.bad.size) status = 'tampered';
    else if (this.signature === 'missing' || !this.manifest) status = 'unsigned';
    else if (this.signature === 'valid') status = this.trusted === true ? 'verified' : this.trusted === false ? 'wrong-key' : 'signed';
    else status = 'unchecked';
    this.status = status;
    this.dispatchEvent(new CustomEvent('change', { detail: this.result() }));
  }

  /** The contract's {status, files, signature, fingerprint, pinned}. */
  result() {
    return { status: this.status, files: Array.from(this.bad), signature: this.signature, fingerprint: this.fingerprint, pinned: this.pinned };
  }
}
