// The orbit settings both viewers share, so that the first view (first_view/first_controls.js, no
// three.js) turns, pans and dollies exactly as the full viewer's OrbitControls (viewer_app.js):
// a visitor dragging across the hand-over feels no change of inertia or limits.

/** Share of the pending turn/pan applied each frame; the rest decays by (1 - DAMPING_FACTOR). */
export const DAMPING_FACTOR = 0.12;
/** Nearest and farthest camera distance from its target, metres. */
export const MIN_DISTANCE = 0.05;
export const MAX_DISTANCE = 30;
/** Arrow keys: turn as a drag of KEY_ROTATE_SPEED px (times 2*pi/height), pan KEY_PAN_SPEED px. */
export const KEY_ROTATE_SPEED = 1.0;
export const KEY_PAN_SPEED = 7.0;
