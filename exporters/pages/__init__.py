"""HTML pages beside the viewer: credits, what search engines and link previews read, links back to the public copy, text safe to put in a page."""
