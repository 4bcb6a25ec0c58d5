"""Geometry on scan arrays: repair, winding, orientation, picking, procedural meshes."""
