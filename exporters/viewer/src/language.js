// Exhibit languages, curator-text fallback and the viewer's label lookup.
import { labelTable, format } from './i18n_labels.js';

// Right-to-left scripts (ISO 15924) and languages whose default script is one of them; the same
// lists as scenes/translations/language_tags.py, which sets index.html's starting dir.
const RTL_SCRIPTS = new Set(['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'mand', 'samr', 'rohg']);
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb', 'syr', 'arc',
  'prs', 'azb', 'lrc', 'mzn', 'glk', 'bal']);

/** 'rtl' or 'ltr' for a BCP-47 tag: an explicit script subtag decides (az-Arab, ug-Latn), else the language. */
export function direction(tag) {
  const parts = String(tag || '').toLowerCase().split('-');
  const script = parts.slice(1).find((p) => /^[a-z]{4}$/.test(p));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(parts[0]) ? 'rtl' : 'ltr';
}

const DISPLAY_NAMES = new Map(); // tag -> its name in its own language

export class Language extends EventTarget {
  constructor(doc, { requested, kiosk } = {}) {
    super();
    this.available = (Array.isArray(doc.languages) && doc.languages.length) ? doc.languages.slice() : ['en'];
    this.defaultTag = this.available[0];
    this.current = this.pickInitial(requested, kiosk);
  }

  pickInitial(requested, kiosk) {
    if (requested && this.available.includes(requested)) return requested;
    if (kiosk) return this.defaultTag;
    const prefs = (typeof navigator !== 'undefined' && navigator.languages) || [];
    for (const pref of prefs) {
      const exact = this.available.find((t) => t.toLowerCase() === pref.toLowerCase());
      if (exact) return exact;
    }
    for (const pref of prefs) {
      const primary = pref.toLowerCase().split('-')[0];
      const near = this.available.find((t) => t.toLowerCase().split('-')[0] === primary);
      if (near) return near;
    }
    return this.defaultTag;
  }

  /** Writing direction of the current (or given) language: 'rtl' or 'ltr'. */
  direction(tag = this.current) { return direction(tag); }

  set(tag) {
    if (!this.available.includes(tag)) throw new Error(`Language not in exhibit: ${tag}`);
    if (tag === this.current) return false;
    this.current = tag;
    this.dispatchEvent(new CustomEvent('change', { detail: { language: tag } }));
    return true;
  }

  /** Curator text: requested language → exhibit's first language → any. */
  text(map, tag = this.current) {
    if (map == null) return '';
    if (typeof map === 'string') return map;
    if (map[tag]) return map[tag];
    if (map[this.defaultTag]) return map[this.defaultTag];
    for (const value of Object.values(map)) if (value) return value;
    return '';
  }

  /** Like text() but for per-language objects (audio entries). */
  pick(map, tag = this.current) {
    if (!map || typeof map !== 'object') return null;
    return map[tag] || map[this.defaultTag] || Object.values(map).find(Boolean) || null;
  }

  label(key, values) {
    const table = labelTable(this.current);
    return format(table[key] ?? labelTable('en')[key] ?? key, values);
  }

  /** The label in every exhibit language (one per distinct table), current language first. */
  labelAll(key, values) {
    const out = [];
    for (const tag of [this.current, ...this.available]) {
      const table = labelTable(tag);
      const text = format(table[key] ?? labelTable('en')[key] ?? key, values);
      if (!out.some((o) => o.text === text)) out.push({ tag, text });
    }
    return out;
  }

  displayName(tag) {
    // Intl.DisplayNames is slow to build (locale data: ~90 ms on a 4x-slowed phone at the
    // interface's start): one per tag, kept for the page's life.
    if (!DISPLAY_NAMES.has(tag)) {
      let name = tag;
      try { name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag) || tag; } catch (_) { /* the tag itself */ }
      DISPLAY_NAMES.set(tag, name);
    }
    return DISPLAY_NAMES.get(tag);
  }
}
