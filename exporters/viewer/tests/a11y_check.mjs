// Accessibility checks (issue 15): axe-core (WCAG 2.1 A/AA rules) in every viewer state, and
// keyboard / screen-reader behaviour read from the live page.
//   node browser_checks.mjs BUNDLE --check axe [--viewport 390x844 --mobile]
//   node browser_checks.mjs BUNDLE --check keyboard
// axe is evaluated through the DevTools protocol (page.evaluate), so the bundle's CSP (script-src
// 'self') stays as shipped: nothing is injected as a <script>.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, openViewer, settledCamera, sleep, waitFor } from './check_helpers.mjs';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const docOf = (env) => JSON.parse(readFileSync(join(env.bundle, 'exhibit.json'), 'utf8'));

/** Runs axe on the page; returns [{id, impact, help, nodes: [css target + html snippet]}]. */
export async function axeViolations(env, page) {
  const source = readFileSync(join(env.here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(source);
  return page.evaluate(async (tags) => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] });
    const out = r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} :: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200)}`) }));
    // Contrast axe could not decide (text over a gradient or an image): reported, so a state on a
    // known background can require that axe decided every text's contrast. Icon glyphs (⏮ ✕ ×, axe's
    // 'nonBmp' / 'shortTextContent') are graphics, not text: their buttons are named by aria-label.
    out.undecided = r.incomplete.filter((v) => v.id === 'color-contrast').flatMap((v) => v.nodes.filter((n) => !['nonBmp', 'shortTextContent'].includes(n.any[0] && n.any[0].data && n.any[0].data.messageKey)).map((n) => `${n.target.join(' ')}: ${Object.values(n.any[0] && n.any[0].data || {}).join(' ').slice(0, 120)}`));
    return { violations: out, undecided: out.undecided };
  }, TAGS);
}

/** Let transitions (progress fade 0.4 s, camera flights) end before axe reads colours. */
const calm = () => sleep(700);

/** The states a visitor can reach, each a function that puts an open viewer page in it. */
function states(doc) {
  const list = {
    loaded: async () => {},
    closed: null, // a refused kiosk: only 'loaded' applies (it shows the refusal notice)
    'annotation-list': async (page) => {
      const menu = await page.$('.vt-menu-toggle');
      if (menu && await menu.isVisible()) await menu.click();
      await page.click('.vt-list-toggle'); await waitFor(page, () => !document.querySelector('.vt-annotation-list').hidden); },
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
    credits: async (page) => {
      // a phone folds the toolbar into its Menu button: open it first
      const menu = await page.$('.vt-menu-toggle');
      if (menu && await menu.isVisible()) await menu.click();
      await page.click('.vt-credits-btn');
      await waitFor(page, () => !document.querySelector('.vt-credits').hidden);
    },
  };
  delete list.closed;
  // Contrast on any background the exhibit may use: axe cannot read the WebGL canvas, so the canvas is
  // hidden and the page painted the lightest and darkest possible colour behind the chrome, with the
  // a tour and its annotation open (header, toolbar, tour bar and panel all shown).
  for (const [name, colour] of [['contrast-white', '#ffffff'], ['contrast-black', '#000000']]) {
    list[name] = async (page) => {
      if ((doc.tours || []).length) {
        await page.evaluate(() => window.vitrine.startTour(window.vitrine.tours()[0].id));
        await waitFor(page, () => !document.querySelector('.vt-tourbar').hidden);
      }
      await page.evaluate((c) => {
        // the contrast states check the chrome over a bare background: the 3D scene goes, and with
        // it the tape's label, which is drawn at a surface point on its own opaque plate
        if (window.vitrine.app.tape) window.vitrine.app.tape.showSaved(null);
        document.querySelector('.vt-canvas').style.visibility = 'hidden';
        document.documentElement.style.background = document.body.style.background = c;
      }, colour);
    };
  }
  if (!(doc.annotations || []).length) { delete list.annotation; delete list['annotation-list']; }
  if (!(doc.tours || []).length) delete list.tour;
  if (doc.bundle && doc.bundle.profile === 'kiosk') {
    list['attract-rotate'] = async (page) => { await page.evaluate(() => window.vitrine.app.startAttract('rotate')); };
    if ((doc.tours || []).length) list['attract-tour'] = async (page) => { await page.evaluate(() => window.vitrine.app.startAttract('tour')); await waitFor(page, () => !document.querySelector('.vt-tourbar').hidden); };
  }
  return list;
}

/** Undo any state: attract loop, tour, annotation, list, credits, the folded menu, the contrast
 * backgrounds; focus leaves the chrome. What a fresh page shows once loaded. */
function backToLoaded(page) {
  return page.evaluate(() => {
    const app = window.vitrine.app;
    if (app.attracting) app.stopAttract();
    app.tour.stop();
    app.closeAnnotation();
    app.ui.toggleList(false);
    app.ui.toggleCredits(false);
    if (app.ui.menu) app.ui.menu.setOpen(false);
    document.querySelector('.vt-canvas').style.visibility = '';
    document.documentElement.style.background = document.body.style.background = '';
    if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
  });
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
    const undecided = {}; // contrast states: text whose contrast axe could not decide
    // --states a,b: only those (the pytest suite keeps CI short; with no option every state is checked)
    const only = env.opt('states') ? new Set(env.opt('states').split(',')) : null;
    // One page per language: the states are walked on it in turn, each entered from the loaded state
    // (backToLoaded undoes the previous one), so a page load is paid once per language, not per state.
    for (const lang of langs) {
      const { page, log } = await newPage(env);
      await openViewer(page, `${base}?lang=${encodeURIComponent(lang)}`);
      const closed = await page.evaluate(() => window.vitrine.state().closed);
      for (const [name, enter] of Object.entries(states(doc))) {
        if (only && !only.has(name)) continue;
        if (closed && name !== 'loaded') continue; // a closed kiosk shows only its notice
        await enter(page);
        await calm();
        const key = `${closed ? 'closed' : name}/${lang}`;
        const found = await axeViolations(env, page);
        results[key] = found.violations;
        if (name.startsWith('contrast-')) undecided[key] = found.undecided;
        notices[key] = await page.evaluate(() => { const n = document.querySelector('.vt-notice'); return n.hidden ? '' : n.textContent; });
        await backToLoaded(page);
      }
      errors.push(...log.errors);
      await page.close();
    }
    const counts = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v.length]));
    const failures = Object.entries(results).filter(([, v]) => v.length).map(([k, v]) => ({ state: k, violations: v }));
    const unknown = Object.values(undecided).some((v) => v.length);
    return { pass: failures.length === 0 && !unknown && !errors.length && Object.keys(results).length > 0, counts, failures, undecided, notices, errors };
  },

  /** Keyboard and screen reader: Tab order, visible focus, the panel's focus in and out, Escape,
   * the live region for tour steps and camera moves, the objects list, captions shown as text. */
  async keyboard(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    await settledCamera(page);
    await sleep(300);
    const live = () => page.evaluate(() => document.querySelector('.vt-live').textContent);
    const waitLive = (text) => waitFor(page, (t) => document.querySelector('.vt-live').textContent === t, text, 15000).then(() => text, async () => `timeout; live region says: ${await live()}`);
    const focused = () => page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body) return null;
      const r = a.getBoundingClientRect();
      return { cls: a.className, text: a.getAttribute('aria-label') || a.textContent, id: a.dataset.annotationId || a.dataset.artifactId || null,
        outline: getComputedStyle(a).outlineStyle, onScreen: r.right > 0 && r.bottom > 0 && r.left < innerWidth && r.top < innerHeight };
    });
    const press = async (key) => { await page.keyboard.press(key); await sleep(120); return focused(); };

    // 1. One round of Tab from the top of the page: what gets focus, in order, and whether it shows.
    await page.evaluate(() => document.activeElement && document.activeElement.blur());
    const order = [];
    for (let i = 0; i < 40; i++) {
      const f = await press('Tab');
      if (f && order.length && f.cls === order[0].cls && f.text === order[0].text) break; // back at the start: one round
      if (f) order.push(f);
    }
    const hotspotOrder = order.filter((f) => f.cls.includes('vt-hotspot')).map((f) => f.text);
    const invisibleFocus = order.filter((f) => f.outline === 'none' || !f.onScreen).map((f) => `${f.cls}: ${f.text}`);

    // 2. A hotspot by keyboard: Enter opens the panel with focus on its title; Escape closes and gives focus back.
    await page.evaluate(() => document.querySelector('.vt-hotspot:not(.vt-hidden)').focus());
    const hotspot = await focused();
    await press('Enter');
    await waitFor(page, () => !document.querySelector('.vt-panel').hidden);
    const inPanel = await focused();
    // the panel's controls are reachable: Tab from the title reaches the close button or the audio
    const afterEscape = await press('Escape');
    const panelHidden = await page.evaluate(() => document.querySelector('.vt-panel').hidden);

    // 3. The list of points of interest: Enter opens it on its first item; Enter opens that annotation;
    //    Escape gives focus back to the list's toggle.
    await page.focus('.vt-list-toggle');
    const listFirst = await press('Enter');
    await press('Enter');
    await waitFor(page, () => !document.querySelector('.vt-panel').hidden);
    const listPanel = await focused();
    const listBack = await press('Escape');

    // 4. Captions of the narration are shown as text while it plays.
    await page.evaluate(() => window.vitrine.openAnnotation(window.vitrine.annotations()[0].id));
    await page.evaluate(() => document.querySelector('.vt-panel audio').play());
    const caption = await waitFor(page, () => { const c = document.querySelector('.vt-panel .vt-captions'); return c && !c.hidden && c.textContent; }, null, 10000)
      .then(() => page.textContent('.vt-panel .vt-captions'), () => null);
    await page.keyboard.press('Escape');

    // 5. Camera moves in words: reset view, the objects list, arrow keys on the scene.
    await page.focus('.vt-reset');
    await press('Enter');
    const resetSaid = await waitLive(await page.evaluate(() => `View: ${window.vitrine.app.startViewpoint().name.en}`));
    await page.focus('.vt-object');
    const objectsShown = await page.evaluate(() => { const r = document.querySelector('.vt-objects').getBoundingClientRect(); return r.left >= 0 && r.width > 0; });
    await press('Enter');
    const objectSaid = await live().then(async () => { await settledCamera(page); return live(); });
    await page.focus('.vt-canvas');
    await press('ArrowLeft');
    const turnedSaid = await waitLive('View turned');

    // 6. A tour started by keyboard: each step said in the live region.
    await page.focus('.vt-tour-start');
    await press('Enter');
    const step1 = await waitLive('Highlights, step 1 of 3: Start with the vase.');
    await page.evaluate(() => window.vitrine.nextStep());
    const step2 = await waitLive('Highlights, step 2 of 3: Now the box.');
    await page.focus('.vt-end');
    await press('Enter');
    const ended = await waitLive('Tour ended');
    const summary = await page.evaluate(() => ({ canvas: document.querySelector('.vt-canvas').getAttribute('aria-label'),
      described: document.getElementById(document.querySelector('.vt-canvas').getAttribute('aria-describedby')).textContent }));

    const pass = order.length > 5 && order[0].cls.includes('vt-object') && invisibleFocus.length === 0
      && hotspotOrder.length >= 2 && hotspotOrder.every((t, i) => i === 0 || parseInt(t, 10) > parseInt(hotspotOrder[i - 1], 10))
      && inPanel && inPanel.cls.includes('vt-panel-title') && panelHidden && afterEscape && afterEscape.id === hotspot.id
      && listFirst && listFirst.cls.includes('vt-list-item') && listPanel && listPanel.cls.includes('vt-panel-title')
      && listBack && listBack.cls.includes('vt-list-toggle') && !!caption && objectsShown
      && [resetSaid, turnedSaid, step1, step2, ended].every((t) => !t.startsWith('timeout')) && !log.errors.length;
    return { pass, order: order.map((f) => `${f.cls.split(' ').pop()}: ${f.text}`), hotspotOrder, invisibleFocus, hotspot: hotspot && hotspot.text, inPanel, afterEscape,
      listFirst, listPanel, listBack, caption, resetSaid, objectsShown, objectSaid, turnedSaid, steps: [step1, step2], ended, summary, errors: log.errors };
  },
};
