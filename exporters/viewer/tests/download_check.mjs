// Browser check of the download offer: the credits panel links the GLB of every artifact whose
// exhibit.json has a `download` entry (and no other), and the link yields that GLB's bytes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, openViewer, waitFor } from './check_helpers.mjs';

async function links(env, url) {
  const { page, log } = await newPage(env);
  await openViewer(page, url);
  await page.click('.vt-credits-btn');
  await waitFor(page, () => !document.querySelector('.vt-credits').hidden);
  const found = [];
  for (const link of await page.$$('.vt-download-link')) {
    const info = await link.evaluate((a) => ({ text: a.textContent, download: a.download, visible: a.offsetParent !== null }));
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20000 }), link.click()]);
    const bytes = readFileSync(await download.path());
    found.push({ ...info, scheme: download.url().split(':')[0], name: download.suggestedFilename(),
      magic: bytes.subarray(0, 4).toString('latin1'), bytes: bytes.length });
  }
  await page.close();
  return { found, errors: log.errors };
}

export const DOWNLOAD_CHECKS = {
  async 'download-offer'(env) {
    const doc = JSON.parse(readFileSync(join(env.bundle, 'exhibit.json'), 'utf8'));
    const offered = doc.artifacts.filter((a) => a.download);
    const file = await links(env, env.fileUrl());
    const http = await links(env, await env.serve());
    const ok = (r) => r.found.length === offered.length && r.found.every((l, i) => l.magic === 'glTF'
      && l.bytes === offered[i].download.bytes && l.visible && l.download.endsWith('.glb') && l.name === l.download) && !r.errors.length;
    return { pass: ok(file) && ok(http), offered: offered.map((a) => a.name), file, http,
      fileSchemes: file.found.map((l) => l.scheme), httpSchemes: http.found.map((l) => l.scheme) };
  },
};
