// The annotation panel (DOM): title, plain-text body paragraphs, image with
// alt text and credit, narration audio with captions. Text only via textContent.
import { safePath } from './exhibit_loader.js';
import { mediaUrl } from './media_gate.js';
import { captionsBox } from './a11y.js';

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

export function paragraphs(text) {
  return String(text || '').split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);
}

export function safeMedia(path) {
  try { return safePath(path); } catch (_) { return null; }
}

// Captions blob: URLs not yet revoked (a revoked URL leaves the set): debugInfo() reports the count.
const captionUrls = new Set();
export function liveCaptionUrls() { return captionUrls.size; }
export function revokeCaptionUrl(url) { if (captionUrls.delete(url)) URL.revokeObjectURL(url); }

/** The captions track's URL for {captions, captions_text}: a blob: URL of the embedded WebVTT
 * text when the exporter embedded it (from file:// Chromium refuses <track src="media/x.vtt">
 * as cross-origin; the CSP allows media-src blob:), else the bundle path (older bundles). */
export function captionsUrl(entry) {
  if (typeof entry.captions_text === 'string') {
    const url = URL.createObjectURL(new Blob([entry.captions_text], { type: 'text/vtt' }));
    captionUrls.add(url);
    return url;
  }
  return (entry.captions && mediaUrl(entry.captions)) || null;
}

/** <audio controls> with a captions <track> for one language entry {file, captions, captions_text}.
 * signal: an AbortSignal that ends the element's life (its listeners go with it); pass the element
 * to releaseAudio() when it is taken out, or the browser keeps it (and its blob: URL) alive. */
export function audioElement(entry, lang, label, { signal } = {}) {
  const file = entry && mediaUrl(entry.file);
  if (!file) return null;
  const audio = document.createElement('audio');
  audio.controls = true;
  audio.preload = 'none';
  audio.src = file;
  const captions = captionsUrl(entry);
  if (captions) {
    const track = document.createElement('track');
    track.kind = 'captions';
    track.src = captions;
    // The blob: URL is only needed until the track has read it (releaseAudio revokes it otherwise).
    if (captions.startsWith('blob:')) {
      const release = () => revokeCaptionUrl(captions);
      track.addEventListener('load', release, { once: true, signal });
      track.addEventListener('error', release, { once: true, signal });
    }
    track.srclang = lang;
    track.label = label;
    track.default = true;
    audio.appendChild(track);
  }
  return audio;
}

/** Stop and unload every <audio> under root (or root itself), take out its captions <track>s and
 * revoke their blob: URLs. An <audio> with a <track> that left the document stays alive in Chromium
 * (the text track keeps it), with its controls' shadow tree: over 100 nodes per annotation opening. */
export function releaseAudio(root) {
  if (!root) return;
  const list = root.tagName === 'AUDIO' ? [root] : root.querySelectorAll('audio');
  for (const audio of list) {
    audio.pause();
    for (const track of audio.querySelectorAll('track')) {
      if (track.src.startsWith('blob:')) revokeCaptionUrl(track.src);
      track.remove();
    }
    audio.removeAttribute('src');
    audio.load(); // back to NETWORK_EMPTY: the element holds no resource and can be collected
  }
}

export class AnnotationPanel {
  constructor(root, language, { onClose, kiosk }) {
    this.language = language;
    this.kiosk = kiosk;
    this.root = root;
    this.onClose = onClose;
    this.current = null;
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'false');
    root.setAttribute('aria-labelledby', 'vt-panel-title');
    root.hidden = true;
    this.closeButton = el('button', 'vt-panel-close');
    this.closeButton.type = 'button';
    this.closeButton.addEventListener('click', () => this.onClose());
    this.titleEl = el('h2', 'vt-panel-title');
    this.titleEl.id = 'vt-panel-title';
    this.titleEl.tabIndex = -1;
    this.content = el('div', 'vt-panel-content');
    root.append(this.closeButton, this.titleEl, this.content);
    root.addEventListener('keydown', (e) => { if (e.key === 'Escape') { e.stopPropagation(); this.onClose(); } });
    this.relabel();
  }

  relabel() {
    const close = this.language.label('close');
    this.closeButton.textContent = '×';
    this.closeButton.setAttribute('aria-label', close);
    this.closeButton.title = close;
  }

  show(annotation, artifact, { focus = true } = {}) {
    this.current = { annotation, artifact };
    this.render();
    this.root.hidden = false;
    if (focus) this.titleEl.focus({ preventScroll: true });
  }

  hide() {
    this.current = null;
    this.root.hidden = true;
    this.clearContent();
  }

  /** Empty the content: audio unloaded, this open state's listeners removed (one AbortController each). */
  clearContent() {
    if (this.openState) this.openState.abort();
    this.openState = null;
    releaseAudio(this.content);
    this.content.replaceChildren();
  }

  render() {
    if (!this.current) return;
    const { annotation: a, artifact } = this.current;
    const L = this.language;
    this.clearContent();
    this.openState = new AbortController();
    this.titleEl.textContent = L.text(a.title);
    this.root.setAttribute('lang', L.current);
    const parts = [];
    for (const p of paragraphs(L.text(a.body))) parts.push(el('p', 'vt-panel-body', p));
    const imageUrl = a.image && mediaUrl(a.image.file);
    if (imageUrl) {
      const figure = el('figure', 'vt-panel-figure');
      const img = document.createElement('img');
      img.src = imageUrl;
      img.alt = L.text(a.image.alt);
      img.decoding = 'async';
      figure.appendChild(img);
      if (a.image.credit) figure.appendChild(el('figcaption', null, L.label('imageCredit', { credit: a.image.credit })));
      parts.push(figure);
    }
    const audio = audioElement(L.pick(a.audio), L.current, L.displayName(L.current), { signal: this.openState.signal });
    if (audio) parts.push(audio, ...[captionsBox(audio, L.current)].filter(Boolean));
    if (artifact && artifact.record) parts.push(this.recordBlock(artifact));
    this.content.replaceChildren(...parts);
  }

  recordBlock(artifact) {
    const L = this.language;
    const r = artifact.record;
    const box = el('details', 'vt-record');
    box.appendChild(el('summary', null, L.text(r.title) || artifact.name || L.label('moreInfo')));
    const dl = el('dl');
    const rows = [['maker', r.maker], ['date', r.date], ['materials', Array.isArray(r.materials) ? r.materials.join(', ') : r.materials],
      ['dimensions', r.dimensions_catalogued], ['identifier', r.identifier]];
    for (const [key, value] of rows) {
      if (!value) continue;
      dl.append(el('dt', null, L.label(key)), el('dd', null, String(value)));
    }
    box.appendChild(dl);
    if (r.credit_line) box.appendChild(el('p', 'vt-credit-line', r.credit_line));
    if (r.uri && /^https?:\/\//i.test(r.uri) && !this.kiosk) {
      const link = el('a', null, L.label('moreInfo'));
      link.href = r.uri;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      box.appendChild(link);
    } else if (r.uri) {
      box.appendChild(el('p', 'vt-record-uri', r.uri));
    }
    return box;
  }
}
