// What the viewer shares with the editor's visitor preview, from ../visitor.json (the one
// source of truth, read by Python in exporters/document/visitor_rules.py): tour timing, the framing of
// an annotation without a viewpoint, default lights and colours.
import rules from '../visitor.json';

export const TOUR = rules.tour;
export const COLORS = rules.colors;
export const DEFAULT_LIGHTS = rules.default_lights;
export const FRAMING = rules.framing;

/** Seconds a tour step stays: its duration, or the shared default for a missing or non-positive one. */
export function stepSeconds(step) {
  return Number.isFinite(step.duration) && step.duration > 0 ? step.duration : TOUR.default_step_seconds;
}
