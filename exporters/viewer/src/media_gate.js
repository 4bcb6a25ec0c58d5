// Media (images, narration, captions files) as the page may show them. Open by default: a
// bundle path is used as is. A kiosk served over http closes the gate: every media file is
// downloaded and hashed against the signed manifest first, and only matching bytes are shown
// (from blob: URLs, which the page's CSP allows); a file that does not match is never shown.
// From file:// nothing can be read back, so the gate stays open there.
import { fetchBytes, safePath } from './exhibit_loader.js';

const gate = { closed: false, urls: new Map(), refused: [], checked: false };

const TYPES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp', gif: 'image/gif',
  mp3: 'audio/mpeg', ogg: 'audio/ogg', oga: 'audio/ogg', wav: 'audio/wav', m4a: 'audio/mp4', vtt: 'text/vtt' };

/** The URL to show a bundle media path with, or null (unsafe, refused, or not checked yet). */
export function mediaUrl(path) {
  let rel;
  try { rel = safePath(path); } catch (_) { return null; }
  if (!gate.closed) return rel;
  return gate.urls.get(rel) || null;
}

/** Bundle paths of every media file the document refers to (image, audio, captions file). */
export function mediaPaths(doc) {
  const out = new Set();
  const audio = (map) => {
    for (const entry of Object.values(map || {})) {
      if (!entry) continue;
      if (entry.file) out.add(entry.file);
      if (entry.captions && typeof entry.captions_text !== 'string') out.add(entry.captions);
    }
  };
  for (const a of doc.annotations || []) {
    if (a.image && a.image.file) out.add(a.image.file);
    audio(a.audio);
  }
  for (const t of doc.tours || []) for (const s of t.steps || []) audio(s.audio);
  return [...out].filter((p) => { try { safePath(p); return true; } catch (_) { return false; } });
}

/** Close the gate and check every media file; resolves to {refused: [paths]} when all are done. */
export async function verifyMedia(check, doc) {
  gate.closed = true;
  await Promise.all(mediaPaths(doc).map(async (path) => {
    let bytes = null;
    try { bytes = await fetchBytes(path); } catch (_) { bytes = null; }
    const ok = bytes ? await check.checkBytes(path, bytes) : false;
    if (!bytes) { check.bad.add(path); check.update(); }
    if (ok) gate.urls.set(path, URL.createObjectURL(new Blob([bytes], { type: TYPES[path.split('.').pop().toLowerCase()] || '' })));
    else gate.refused.push(path);
  }));
  gate.refused.sort();
  gate.checked = true;
  return { refused: gate.refused.slice() };
}

/** {gated, checked, refused} for state(). */
export function mediaState() {
  return { gated: gate.closed, checked: gate.checked, refused: gate.refused.slice() };
}
