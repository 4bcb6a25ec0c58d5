"""The editor's visitor preview: overlay, tour player, cards and the viewer's labels."""
