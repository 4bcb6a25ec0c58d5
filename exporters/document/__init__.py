"""What the viewer reads: the viewer document and its published schema, the visitor rules shared with the editor's preview, catalogue records carried in the models."""
