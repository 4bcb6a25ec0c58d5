// The viewer's own interface labels. Curator text comes from the exhibit.
import rules from '../visitor.json';
// The labels live in ../visitor.json, shared with the editor's visitor preview (Python).
export const LABELS = rules.labels;

/** Best label table for a BCP-47 tag: exact, then same script/primary subtag, then English. */
export function labelTable(tag) {
  if (LABELS[tag]) return LABELS[tag];
  const lower = String(tag || '').toLowerCase();
  if (lower.startsWith('zh') && !/hant|tw|hk|mo/.test(lower)) return LABELS['zh-Hans'];
  const primary = lower.split('-')[0];
  for (const key of Object.keys(LABELS)) if (key.toLowerCase().split('-')[0] === primary && primary !== 'zh') return LABELS[key];
  return LABELS.en;
}

export function format(template, values = {}) {
  return String(template).replace(/\{(\w+)\}/g, (m, k) => (k in values ? String(values[k]) : m));
}
