"""Tracing published models back to their recipient: the keyed mark embedded in every
published level (recipient_mark), and the registration of a suspect copy onto the
museum's unmarked level (suspect_alignment)."""
