"""Problems a curator should fix before publishing: validation and accessibility checks."""
