// Guided tours: steps fly the camera to a viewpoint, open an annotation or
// show narration, play narration audio, and advance after their duration
// (the default duration is shared with the editor's preview: visitor.json).
import { stepSeconds } from './visitor_rules.js';
export class TourPlayer extends EventTarget {
  constructor(doc, hooks) {
    super();
    this.tours = Array.isArray(doc.tours) ? doc.tours.filter((t) => Array.isArray(t.steps) && t.steps.length) : [];
    this.hooks = hooks; // {showStep(step, index, tour) -> Promise, clearStep(), setAudioPlaying(bool)}
    this.tour = null;
    this.index = -1;
    this.paused = false;
    this.loop = false;
    this.timer = null;
    this.remaining = 0;
    this.timerStarted = 0;
    this.token = 0;
  }

  get active() { return !!this.tour; }

  state() {
    return this.tour ? { id: this.tour.id, step: this.index, steps: this.tour.steps.length, paused: this.paused, loop: this.loop } : null;
  }

  start(id, { loop = false } = {}) {
    const tour = id == null ? this.tours[0] : this.tours.find((t) => t.id === id);
    if (!tour) throw new Error(`No such tour: ${id}`);
    this.stop({ silent: true });
    this.tour = tour;
    this.loop = loop;
    this.paused = false;
    this.dispatchEvent(new CustomEvent('tourstart', { detail: { id: tour.id, loop } }));
    this.go(0);
  }

  go(index) {
    if (!this.tour) return;
    const steps = this.tour.steps;
    if (index >= steps.length) {
      if (this.loop) index = 0;
      else { this.stop(); return; }
    }
    if (index < 0) index = 0;
    this.clearTimer();
    this.index = index;
    const step = steps[index];
    const token = ++this.token;
    this.dispatchEvent(new CustomEvent('tourstep', { detail: { id: this.tour.id, index, stepId: step.id, steps: steps.length } }));
    const seconds = stepSeconds(step);
    Promise.resolve(this.hooks.showStep(step, index, this.tour)).catch(() => {}).then(() => {
      if (token !== this.token || !this.tour) return;
      this.remaining = seconds * 1000;
      if (!this.paused) this.armTimer();
    });
  }

  armTimer() {
    this.clearTimer();
    this.timerStarted = Date.now();
    const token = this.token;
    this.timer = setTimeout(() => { if (token === this.token) this.go(this.index + 1); }, this.remaining);
  }

  clearTimer() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  pause() {
    if (!this.tour || this.paused) return;
    this.paused = true;
    if (this.timer) {
      this.remaining = Math.max(0, this.remaining - (Date.now() - this.timerStarted));
      this.clearTimer();
    }
    this.hooks.setAudioPlaying(false);
    this.dispatchEvent(new CustomEvent('tourpause', { detail: this.state() }));
  }

  resume() {
    if (!this.tour || !this.paused) return;
    this.paused = false;
    if (this.remaining > 0) this.armTimer();
    this.hooks.setAudioPlaying(true);
    this.dispatchEvent(new CustomEvent('tourresume', { detail: this.state() }));
  }

  next() { if (this.tour) this.go(this.index + 1); }

  previous() { if (this.tour) this.go(Math.max(0, this.index - 1)); }

  stop({ silent = false } = {}) {
    if (!this.tour) return;
    const id = this.tour.id;
    this.clearTimer();
    this.token++;
    this.tour = null;
    this.index = -1;
    this.paused = false;
    this.hooks.clearStep();
    if (!silent) this.dispatchEvent(new CustomEvent('tourend', { detail: { id } }));
  }
}
