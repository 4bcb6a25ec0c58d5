// The parity journey in Chromium: a scripted visit played through the window.vitrine API on a
// bundle the Python exporter made; tests/app/test_preview_parity.py plays the same script in the
// editor's visitor preview and compares, step by step, the camera pose and the open annotation.
//   node browser_checks.mjs BUNDLE --check journey --journey SCRIPT.json
// SCRIPT: [{do: 'open', id} | {do: 'startTour', id} | {do: 'next'} | {do: 'language', tag}, ...]
// Reduced motion: every flight is a cut, so each pose is the flight's end.
import { readFileSync } from 'node:fs';
import { newPage, openViewer, settledCamera } from './check_helpers.mjs';

const ACTIONS = ['open', 'startTour', 'next', 'language'];

export const JOURNEY_CHECKS = {
  async journey(env) {
    const script = JSON.parse(readFileSync(env.opt('journey'), 'utf8'));
    const { page, log } = await newPage(env, { reducedMotion: 'reduce' });
    await openViewer(page, await env.serve());
    const poses = [];
    for (const step of script) {
      if (!ACTIONS.includes(step.do)) throw new Error(`unknown journey action ${step.do}`);
      await page.evaluate((s) => {
        const v = window.vitrine;
        if (s.do === 'open') v.openAnnotation(s.id);
        else if (s.do === 'startTour') v.startTour(s.id);
        else if (s.do === 'next') v.nextStep();
        else v.setLanguage(s.tag);
      }, step);
      const cam = await settledCamera(page);
      const state = await page.evaluate(() => ({ s: window.vitrine.state(), language: window.vitrine.language() }));
      poses.push({ do: step.do, eye: cam.eye, target: cam.target, annotation: state.s.annotation,
        tour: state.s.tour ? { step: state.s.tour.step, paused: state.s.tour.paused } : null, language: state.language });
    }
    return { pass: !log.errors.length && poses.length === script.length, poses, errors: log.errors };
  },
};
