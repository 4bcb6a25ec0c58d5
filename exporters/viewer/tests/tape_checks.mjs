// The measuring tape: with the mouse, with touch, with a VR controller (IWER), and a
// measurement saved in an annotation. The project (tests/browser/viewer_project.py) has a vase
// standing at (-0.6, 1.0, 0): 0.2 m wide, 0.35 m tall, its front at z = +0.1.
import { newPage, openViewer, sleep, waitFor, iwerInit, xrSelect } from './check_helpers.mjs';

// two points 0.25 m apart up the vase's front, in exhibit (world) metres
const A = [-0.6, 1.05, 0.1], B = [-0.6, 1.30, 0.1];
const EXPECTED = 0.25;
const TOLERANCE = 0.012; // the 40-sided cylinder's facets and the click's pixel

async function readyWithModels(page) {
  await waitFor(page, () => window.vitrine.app.levels.meshes().length >= 2 && !window.vitrine.state().flying, null, 30000);
  await sleep(300);
}

async function screenOf(page, p) {
  return page.evaluate((q) => window.vitrine.debug.projectPoint(q), p);
}

function verdict(m, extra = {}) {
  const ok = !!m && m.metres != null && Math.abs(m.metres - EXPECTED) < TOLERANCE;
  return { ok, metres: m ? m.metres : null, label: m ? m.label : null, ...extra };
}

export const TAPE_CHECKS = {
  async tape(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    await readyWithModels(page);
    await page.click('.vt-measure');
    const pressed = await page.getAttribute('.vt-measure', 'aria-pressed');
    for (const p of [A, B]) { const s = await screenOf(page, p); await page.mouse.click(s.x, s.y); await sleep(100); }
    const m = await page.evaluate(() => window.vitrine.measurement());
    const label = await page.evaluate(() => { const l = document.querySelector('.vt-tape-label'); return l && !l.hidden ? l.textContent : null; });
    const bar = await page.evaluate(() => { const b = document.querySelector('.vt-scalebar'); return b && !b.hidden ? { text: b.textContent, px: b.getBoundingClientRect().width } : null; });
    if (env.opt('out')) await page.screenshot({ path: env.opt('out') });
    // an orbit drag while measuring is not a measurement
    const s = await screenOf(page, A);
    await page.mouse.move(s.x, s.y); await page.mouse.down(); await page.mouse.move(s.x + 80, s.y, { steps: 5 }); await page.mouse.up();
    const afterDrag = await page.evaluate(() => window.vitrine.measurement());
    await page.click('.vt-measure');
    const off = await page.evaluate(() => window.vitrine.measurement());
    const v = verdict(m, { pressed, labelShown: label, scaleBar: bar, afterDrag: afterDrag && afterDrag.metres, off, errors: log.errors });
    const pass = v.ok && pressed === 'true' && label === m.label && !m.saved && bar && bar.px > 10 && /(mm|cm|m)$/.test(bar.text)
      && afterDrag && Math.abs(afterDrag.metres - m.metres) < 1e-9 && off === null && !log.errors.length;
    return { pass, ...v };
  },

  async tapeTouch(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    await readyWithModels(page);
    const b = await page.$('.vt-measure');
    const box = await b.boundingBox();
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    for (const p of [A, B]) { const s = await screenOf(page, p); await page.touchscreen.tap(s.x, s.y); await sleep(150); }
    const m = await page.evaluate(() => window.vitrine.measurement());
    if (env.opt('out')) await page.screenshot({ path: env.opt('out') });
    const v = verdict(m, { errors: log.errors });
    return { pass: v.ok && !log.errors.length, ...v };
  },

  async tapeVR(env) {
    const { page, log } = await newPage(env, { init: iwerInit(env) });
    await openViewer(page, await env.serve());
    await readyWithModels(page);
    await waitFor(page, () => { const b = document.querySelector('.vt-vr'); return b && !b.hidden; }, null, 10000);
    await page.click('.vt-vr');
    await waitFor(page, () => window.vitrine.state().xrFrames > 10, null, 30000);
    await page.evaluate(() => window.vitrine.setMeasuring(true));
    for (const p of [A, B]) {
      // VR moves the room in front of the visitor: aim at where the point is now
      await page.evaluate(async (q) => {
        const app = window.vitrine.app;
        const w = app.exhibitRoot.localToWorld(new app.exhibitRoot.position.constructor(...q));
        await window.__xrDevice.remote.dispatch('look_at', { device: 'controller-right', target: { x: w.x, y: w.y, z: w.z } });
      }, p);
      await xrSelect(page);
    }
    const m = await page.evaluate(() => window.vitrine.measurement());
    const opened = await page.evaluate(() => window.vitrine.state().annotation);
    const v = verdict(m, { annotationOpened: opened, errors: log.errors });
    return { pass: v.ok && !opened && !log.errors.length, ...v };
  },

  async tapeSaved(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    await readyWithModels(page);
    const glaze = (await page.evaluate(() => window.vitrine.annotations())).find((a) => a.title === 'Glaze drips');
    await page.evaluate((id) => window.vitrine.openAnnotation(id), glaze.id);
    await waitFor(page, () => !window.vitrine.state().flying, null, 10000);
    await sleep(200);
    const m = await page.evaluate(() => window.vitrine.measurement());
    const label = await page.evaluate(() => { const l = document.querySelector('.vt-tape-label'); return l && !l.hidden ? l.textContent : null; });
    if (env.opt('out')) await page.screenshot({ path: env.opt('out') });
    await page.evaluate(() => window.vitrine.closeAnnotation());
    const closed = await page.evaluate(() => window.vitrine.measurement());
    const v = verdict(m, { saved: m && m.saved, labelShown: label, afterClose: closed, errors: log.errors });
    return { pass: v.ok && m.saved && label === m.label && closed === null && !log.errors.length, ...v };
  },
};
