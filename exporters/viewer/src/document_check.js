// The viewer's check of the exhibit document at load: the schema_version and the parts the
// viewer cannot work without, read from the published schema (../viewer-document.schema.json,
// the contract the exporter validates against). Deliberately small and hand-written: no
// JSON-schema library in the bundle; the full schema is enforced by the exporter.
import schema from '../viewer-document.schema.json';

export const DOCUMENT_VERSION = schema.properties.schema_version.const;

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

function missing(obj, required, where, out) {
  for (const key of required) if (!(key in obj)) out.push(`${where}.${key}`);
}

/**
 * Problems with doc, as {kind: 'version'|'structure', found, expected, problems: ['$.path', ...]}
 * or null when it can be shown. Version first: another version's shape is not checked further.
 */
export function checkDocument(doc) {
  if (!isObject(doc)) return { kind: 'structure', problems: ['$'] };
  if (doc.schema_version !== DOCUMENT_VERSION) {
    return { kind: 'version', found: doc.schema_version == null ? '?' : String(doc.schema_version), expected: String(DOCUMENT_VERSION) };
  }
  const out = [];
  missing(doc, schema.required, '$', out);
  const lists = { artifacts: 'artifact', annotations: 'annotation', tours: 'tour', viewpoints: 'viewpoint', plinths: 'plinth', lights: 'light' };
  for (const [key, def] of Object.entries(lists)) {
    if (!(key in doc)) continue;
    if (!Array.isArray(doc[key])) { out.push(`$.${key}`); continue; }
    doc[key].forEach((item, i) => {
      if (!isObject(item)) out.push(`$.${key}[${i}]`);
      else missing(item, schema.$defs[def].required, `$.${key}[${i}]`, out);
    });
  }
  (Array.isArray(doc.artifacts) ? doc.artifacts : []).forEach((a, i) => {
    if (isObject(a) && 'models' in a && (!Array.isArray(a.models) || !a.models.length)) out.push(`$.artifacts[${i}].models`);
  });
  if ('bundle' in doc && !isObject(doc.bundle)) out.push('$.bundle');
  return out.length ? { kind: 'structure', problems: out } : null;
}
