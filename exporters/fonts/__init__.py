"""Font subsets for bundles: the scripts an exhibit's texts use and the Noto fonts that draw them."""
