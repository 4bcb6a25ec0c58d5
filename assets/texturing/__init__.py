"""Texture images: bounded decoding, resizing and encoding."""
