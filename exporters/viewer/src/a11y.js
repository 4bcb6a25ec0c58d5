// Screen-reader support (issue 15): one polite live region for tour steps and camera moves, and
// a text alternative for the 3D scene: the exhibit's objects from their records (title, maker,
// date) as a list of buttons that frame each object. The list sits off-screen until it takes
// keyboard focus, then shows itself, so sighted keyboard users see where focus is.

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** "Painted vase, Unknown potter, c. 1750": an artifact's record as one line of text. */
export function artifactText(artifact, L) {
  const r = artifact.record || {};
  return [L.text(r.title) || artifact.name || artifact.id, r.maker, r.date].filter(Boolean).join(', ');
}

export class Announcer {
  /** root: the viewer's root element; the live region and the object list are appended to it. */
  constructor(root, { language, doc, onShowArtifact }) {
    this.L = language;
    this.doc = doc;
    this.artifacts = (doc.artifacts || []).filter((a) => a.visible !== false);
    this.live = el('div', 'vt-sr-only vt-live');
    this.live.setAttribute('role', 'status');
    this.live.setAttribute('aria-live', 'polite');
    this.live.setAttribute('aria-atomic', 'true');
    this.objects = el('nav', 'vt-objects');
    this.objectsTitle = el('h2', 'vt-objects-title');
    this.objectsTitle.id = 'vt-objects-title';
    this.objects.setAttribute('aria-labelledby', this.objectsTitle.id);
    this.objectList = el('ul');
    this.items = this.artifacts.map((a) => {
      const li = el('li');
      const b = el('button', 'vt-object');
      b.type = 'button';
      b.dataset.artifactId = a.id;
      b.addEventListener('click', () => onShowArtifact(a.id));
      li.appendChild(b);
      this.objectList.appendChild(li);
      return { a, b };
    });
    this.objects.append(this.objectsTitle, this.objectList);
    if (!this.items.length) this.objects.hidden = true;
    this.summary = el('p', 'vt-sr-only vt-objects-summary');
    this.summary.id = 'vt-objects-summary';
    this.timer = null;
    root.append(this.live, this.summary);
    // First in the tab order: the objects come before the scene's controls.
    root.prepend(this.objects);
    this.relabel();
  }

  relabel() {
    const L = this.L;
    this.objectsTitle.textContent = L.label('objects');
    for (const { a, b } of this.items) b.textContent = L.label('objectView', { name: artifactText(a, L) });
    this.summary.textContent = this.items.length
      ? L.label('objectsSummary', { count: this.items.length, list: this.items.map(({ a }) => artifactText(a, L)).join('; ') }) : '';
  }

  /** Say text once in the live region (cleared first, so the same text twice is said twice). */
  say(text) {
    if (!text) return;
    this.live.textContent = '';
    if (this.timer) clearTimeout(this.timer);
    // A short gap: screen readers skip a change that replaces text within the same task.
    this.timer = setTimeout(() => { this.timer = null; this.live.textContent = text; }, 60);
    this.last = text;
  }
}

/** A visible line for the captions of an <audio> (browsers draw <track> cues only on <video>):
 * the active cue's text, hidden between cues. null when the audio has no captions track. */
export function captionsBox(audio, lang) {
  const track = audio && audio.querySelector('track[kind="captions"]');
  if (!track) return null;
  const box = el('p', 'vt-captions');
  box.lang = lang;
  box.hidden = true;
  // The track element goes with the audio (releaseAudio removes it), and its listener with it.
  track.addEventListener('cuechange', () => {
    const cues = track.track && track.track.activeCues;
    const text = cues ? [...cues].map((c) => c.text).join('\n') : '';
    box.textContent = text;
    box.hidden = !text;
  });
  return box;
}
