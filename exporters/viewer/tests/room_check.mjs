// The room check: the viewer builds the exhibit's room (floor and walls cut around openings)
// at true size; returns the world boxes of its meshes (vitrine.debugInfo().room) for pytest to
// compare with the document, and a screenshot of the start view with --out.
import { newPage, openViewer, settledCamera, sleep } from './check_helpers.mjs';

export const ROOM_CHECKS = {
  async room(env) {
    const { page, log } = await newPage(env);
    await openViewer(page, await env.serve());
    await settledCamera(page);
    await sleep(500);
    const room = await page.evaluate(() => window.vitrine.debugInfo().room);
    if (env.opt('out')) await page.screenshot({ path: env.opt('out') });
    return { pass: !!room && !log.errors.length, room, errors: log.errors };
  },
};
