// Accessibility checks (issue 15): axe-core (WCAG 2.1 A/AA rules) in every viewer state, and
// keyboard / screen-reader behaviour read from the live page.
//   node browser_checks.mjs BUNDLE --check axe [--viewport 390x844 --mobile]
//   node browser_checks.mjs BUNDLE --check keyboard
// axe is evaluated through the DevTools protocol (page.evaluate), so the bundle's CSP (script-src
// 'self') stays as shipped: nothing is injected as a <script>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, openViewer, sleep, waitFor } from './check_helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const docOf = (env) => JSON.parse(readFileSync(join(env.bundle, 'exhibit.json'), 'utf8'));

/** Runs axe on the page; returns [{id, impact, help, nodes: [css target + html snippet]}]. */
export async function axeViolations(env, page) {
  const source = readFileSync(join(env.here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(source);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} :: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`) }));
  }, TAGS);
}

/** Let transitions (progress fade 0.4 s, camera flights) end before axe reads colours. */
const calm = () => sleep(700);

/** The states a visitor can reach, each a function that puts an open viewer page in it. */
function states(doc) {
  const list = {
    loaded: async () => {},
    closed: null, // a refused kiosk: only 'loaded' applies (it shows the refusal notice)
    'annotation-list': async (page) => { await page.click('.vt-list-toggle'); await waitFor(page, () => !document.querySelector('.vt-annotation-list').hidden); },
    annotation: async (page) => {
      await page.evaluate(() => window.vitrine.openAnnotation(window.vitrine.annotations()[0].id));
      await waitFor(page, () => !document.querySelector('.vt-panel').hidden);
      // the record block opened too, so its rows are checked
      await page.evaluate(() => { const d = document.querySelector('.vt-record'); if (d) d.open = true; });
    },
    tour: async (page) => {
      await page.evaluate(() => window.vitrine.startTour(window.vitrine.tours()[0].id));
      await waitFor(page, () => !document.querySelector('.vt-tourbar').hidden);
    },
    credits: async (page) => { await page.click('.vt-credits-btn'); await waitFor(page, () => !document.querySelector('.vt-credits').hidden); },
  };
  delete list.closed;
  if (!(doc.annotations || []).length) { delete list.annotation; delete list['annotation-list']; }
  if (!(doc.tours || []).length) delete list.tour;
  if (doc.bundle && doc.bundle.profile === 'kiosk') {
    list['attract-rotate'] = async (page) => { await page.evaluate(() => window.vitrine.app.startAttract('rotate')); };
    if ((doc.tours || []).length) list['attract-tour'] = async (page) => { await page.evaluate(() => window.vitrine.app.startAttract('tour')); await waitFor(page, () => !document.querySelector('.vt-tourbar').hidden); };
  }
  return list;
}

export const A11Y_CHECKS = {
  /** axe in every state and every exhibit language; any violation fails. */
  async axe(env) {
    const doc = docOf(env);
    const base = await env.serve();
    const langs = Array.isArray(doc.languages) && doc.languages.length ? doc.languages : ['en'];
    const results = {};
    const errors = [];
    const notices = {}; // the notice shown in each state (a kiosk's refusal), '' when none
    for (const lang of langs) {
      for (const [name, enter] of Object.entries(states(doc))) {
        const { page, log } = await newPage(env);
        await openViewer(page, `${base}?lang=${encodeURIComponent(lang)}`);
        const closed = await page.evaluate(() => window.vitrine.state().closed);
        if (closed && name !== 'loaded') { await page.close(); continue; }
        await enter(page);
        await calm();
        const key = `${closed ? 'closed' : name}/${lang}`;
        results[key] = await axeViolations(env, page);
        notices[key] = await page.evaluate(() => { const n = document.querySelector('.vt-notice'); return n.hidden ? '' : n.textContent; });
        errors.push(...log.errors);
        await page.close();
      }
    }
    const counts = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.length]));
    const failures = Object.entries(results).filter(([, v]) => v.length).map(([k, v]) => ({ state: k, violations: v }));
    return { pass: failures.length === 0 && !errors.length && Object.keys(results).length > 0, counts, failures, notices, errors };
  },
};
