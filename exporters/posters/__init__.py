"""Poster images rendered at export time with no display (no GL, no browser): a small numpy
software rasteriser (raster.py), the framing rule shared with the viewer (framing.py) and the
bundle output that writes posters/<slug>.webp and posters/exhibit.webp (output.py)."""
