// Who signed the bundle, and whether that is the key pinned from outside it.
// The pin comes from the page address (index.html#key=SHA256:<hex>, set by the
// museum's own links, a QR code or the kiosk launcher), never from bundle files.
// A bundle may carry rotation statements (oldest first), each signed by the old
// key: a pinned key anywhere in a valid chain makes the signing key trusted.

const FINGERPRINT = /^SHA256:[0-9a-f]{64}$/;

export function b64ToBytes(b64) {
  const bin = atob(String(b64 || '').trim());
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

export async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** `SHA256:<64 lowercase hex>` of a raw 32-byte Ed25519 public key. */
export async function fingerprintOf(rawKey) {
  return 'SHA256:' + await sha256Hex(rawKey);
}

/** `SHA256:1a2b3c4d…`: enough to compare by eye with the museum's published key. */
export function shortFingerprint(fp) {
  const s = String(fp || '');
  return s.startsWith('SHA256:') ? `${s.slice(0, 15)}…` : s;
}

/** Normalised form: the algorithm name as written, hex in lower case. */
export function normaliseFingerprint(fp) {
  const s = String(fp || '').trim();
  const m = /^sha256:([0-9a-fA-F]+)$/i.exec(s);
  return m ? `SHA256:${m[1].toLowerCase()}` : s;
}

/**
 * The pinned fingerprint from the address fragment (`#key=SHA256:<hex>&annotation=…`), or null.
 * A malformed pin is returned as written (it then matches no key, so nothing is "verified").
 */
export function pinFromLocation(loc = window.location) {
  const hash = String(loc.hash || '').replace(/^#/, '');
  if (!hash) return null;
  let value = null;
  for (const part of hash.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq) === 'key') {
      try { value = decodeURIComponent(part.slice(eq + 1)); } catch (_) { value = part.slice(eq + 1); }
    }
  }
  return value == null || value === '' ? null : normaliseFingerprint(value);
}

/**
 * Canonical bytes of a statement (contract): JSON of the statement without "signature",
 * keys sorted, no spaces, non-ASCII escaped as \uXXXX like Python's ensure_ascii=True.
 */
export function canonicalBytes(statement) {
  const sorted = {};
  for (const k of Object.keys(statement).filter((k) => k !== 'signature').sort()) sorted[k] = statement[k];
  const text = JSON.stringify(sorted).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return new TextEncoder().encode(text);
}

async function verifyEd25519(rawKey, signature, bytes) {
  const key = await crypto.subtle.importKey('raw', rawKey, { name: 'Ed25519' }, false, ['verify']);
  return crypto.subtle.verify({ name: 'Ed25519' }, key, signature, bytes);
}

/**
 * Fingerprints of the keys a valid rotation chain links to the signer, oldest first and
 * ending with the signer; just [signer] when there is no chain or it does not hold.
 * A chain holds when every statement is signed by its old key, each statement's keys match
 * their fingerprints, each new key is the next statement's old key and the last new key signed.
 */
export async function chainToSigner(rotations, signerFingerprint) {
  if (!Array.isArray(rotations) || !rotations.length) return [signerFingerprint];
  const keys = [];
  let previous = null;
  try {
    for (const s of rotations) {
      if (!s || s.format !== 'vitrine-key-rotation' || s.version !== 1) return [signerFingerprint];
      const oldRaw = b64ToBytes(s.old_public_key), newRaw = b64ToBytes(s.new_public_key);
      const oldFp = await fingerprintOf(oldRaw), newFp = await fingerprintOf(newRaw);
      if (oldRaw.length !== 32 || newRaw.length !== 32) return [signerFingerprint];
      if (oldFp !== normaliseFingerprint(s.old_fingerprint) || newFp !== normaliseFingerprint(s.new_fingerprint)) return [signerFingerprint];
      if (previous && previous !== oldFp) return [signerFingerprint];
      if (!(await verifyEd25519(oldRaw, b64ToBytes(s.signature), canonicalBytes(s)))) return [signerFingerprint];
      keys.push(oldFp);
      previous = newFp;
    }
  } catch (_) {
    return [signerFingerprint]; // bad base64, or no Ed25519 here: the chain cannot be relied on
  }
  return previous === signerFingerprint ? [...keys, signerFingerprint] : [signerFingerprint];
}

/**
 * Trust decision for a valid signature: {trusted, via}. trusted is null without a pin;
 * via is the pinned fingerprint when the signer was reached from it through rotation.
 */
export async function trustOf(signerFingerprint, pinned, rotations) {
  if (pinned == null) return { trusted: null, via: null };
  if (!FINGERPRINT.test(pinned)) return { trusted: false, via: null };
  if (pinned === signerFingerprint) return { trusted: true, via: null };
  const chain = await chainToSigner(rotations, signerFingerprint);
  return chain.includes(pinned) ? { trusted: true, via: pinned } : { trusted: false, via: null };
}
