// An embed page (embed/<slug>.html, <main data-embed-artifact="ID">) shows one artifact alone:
// its annotations, no other artifacts, plinths, viewpoints or tours, and a framing of its own.
// The document's bytes are checked against the signed manifest as they are; only what is shown
// is reduced.

/** The document reduced to artifact ``id``; the whole document when it names no artifact here. */
export function embedDocument(doc, id) {
  const art = (doc.artifacts || []).find((a) => a.id === id);
  if (!art) return doc;
  return {
    ...doc, artifacts: [{ ...art, visible: true, transform: { ...art.transform, translation: [0, 0, 0] } }],
    annotations: (doc.annotations || []).filter((a) => a.artifact_id === id).map((a) => ({ ...a, viewpoint_id: null, view: null })),
    plinths: [], viewpoints: [], start_viewpoint_id: null, tours: [],
  };
}
