"""Descriptions of an exported bundle in other systems' standards: a Smithsonian Voyager scene
(scene.svx.json), an IIIF Presentation 3 manifest (iiif/manifest.json) and object records in
Dublin Core and LIDO (records/<slug>.dc.xml, records/<slug>.lido.xml). Each is a bundle output
registered in exporters/bundle_outputs; no Qt."""
