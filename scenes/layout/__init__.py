"""Exhibit layout as pure functions on footprints (no Qt, no document): free floor space,
plinths sized to their objects, the start view that shows everything, arrangements,
room walls and lighting presets. ``vitrine.app.workflows.placement`` turns them into commands."""
