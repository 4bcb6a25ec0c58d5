"""Who may be trusted as a bundle's publisher (issue 10): rotation statements, the trust store,
the trust decision for `vitrine verify`, verification over http(s), and the verifying kiosk.

A valid signature only proves that whoever holds the key signed these bytes; trust comes from
outside the bundle: this machine's own signing key, the trust store IT keeps, ``--key``, or a
pin in the page address. See README.md, "Trust model".
"""
