"""Writing a bundle folder: the viewer, the document, the models as compact GLBs, then the outputs and the signature."""
