"""The editor's dock panels, and the widgets, text helpers and document relay they share."""
