// Download offers: a published level (GLB) of an artifact whose model rights allow reuse.
// The exporter writes `artifact.download` ({file, level, bytes, format, license}) only then,
// so the viewer never decides about rights itself; kiosks never offer downloads.

function sizeText(bytes) {
  const n = Number(bytes) || 0;
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1e3))} kB`;
}

function safeName(text) {
  return String(text || 'model').replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'model';
}

/** The GLB's URL: from file:// the bytes come from the bundle's script copy (fetch is refused there). */
function hrefOf(file) {
  const data = (window.VITRINE_MODEL_DATA || {})[file];
  if (location.protocol !== 'file:' || !data) return file;
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: 'model/gltf-binary' }));
}

/** Links (<a download>) for every artifact of `doc` that offers a download; [] in a kiosk. */
export function downloadLinks(doc, L, kiosk) {
  if (kiosk) return [];
  const out = [];
  for (const a of doc.artifacts || []) {
    const offer = a.download;
    if (!offer || typeof offer.file !== 'string' || !/^models\/[^?#]+\.glb$/.test(offer.file) || offer.file.includes('..')) continue;
    const link = document.createElement('a');
    link.className = 'vt-download-link';
    link.textContent = L.label('downloadModel', { name: a.name || a.id, format: 'GLB', size: sizeText(offer.bytes) });
    link.href = hrefOf(offer.file);
    link.download = `${safeName(a.name || a.id)}-${safeName(offer.level)}.glb`;
    if (offer.license) link.title = L.label('downloadLicense', { license: offer.license });
    out.push(link);
  }
  return out;
}
