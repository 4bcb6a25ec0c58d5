"""AR files for phones: a USDZ per artifact for AR Quick Look (iOS), made from the bundle's own
marked GLB so the recipient's mark is in it too."""
