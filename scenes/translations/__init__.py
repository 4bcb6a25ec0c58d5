"""Translating an exhibit: language tags, translation units, XLIFF 2.0 in and out (no Qt)."""
