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

/** The bundle's script copy of a model (file:// refuses fetch), loaded on demand. */
function scriptCopy(file) {
  const have = (window.VITRINE_MODEL_DATA || {})[file];
  if (have) return Promise.resolve(have);
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = `${file}.js`;
    script.onload = () => ((window.VITRINE_MODEL_DATA || {})[file] ? resolve(window.VITRINE_MODEL_DATA[file]) : reject(new Error(file)));
    script.onerror = () => reject(new Error(file));
    document.head.append(script);
  });
}

/** From file:// a click saves the GLB from its script copy (a blob), as browsers ignore
 *  `download` on file: links; over http the plain link downloads it. */
async function saveFromScript(link, file) {
  const data = await scriptCopy(file);
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'model/gltf-binary' }));
  const temp = document.createElement('a');
  temp.href = url;
  temp.download = link.download;
  document.body.append(temp);
  temp.click();
  temp.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
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
    link.href = offer.file;
    link.download = `${safeName(a.name || a.id)}-${safeName(offer.level)}.glb`;
    if (location.protocol === 'file:') {
      link.addEventListener('click', (event) => { event.preventDefault(); saveFromScript(link, offer.file).catch(() => {}); });
    }
    if (offer.license) link.title = L.label('downloadLicense', { license: offer.license });
    out.push(link);
  }
  return out;
}
