// The viewer's load-time check of the exhibit document (src/document_check.js) on a bundle the
// Python exporter made, changed the way an old or foreign exporter would write it: the visitor
// sees one clear notice instead of a broken exhibit.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { newPage, waitFor } from './check_helpers.mjs';

function rewrite(dir, change) {
  const doc = JSON.parse(readFileSync(join(dir, 'exhibit.json'), 'utf8'));
  change(doc);
  const text = JSON.stringify(doc, null, 1);
  writeFileSync(join(dir, 'exhibit.json'), text);
  writeFileSync(join(dir, 'data', 'exhibit.js'), `window.VITRINE_EXHIBIT = ${text};\n`);
}

async function notice(env, dir) {
  const { page, log } = await newPage(env);
  await page.goto(env.fileUrl(dir), { waitUntil: 'load' });
  await waitFor(page, () => !!document.querySelector('.vt-fatal'), null, 20000);
  const seen = await page.evaluate(() => ({ text: document.querySelector('.vt-fatal').textContent, canvas: !!document.querySelector('canvas.vt-canvas') }));
  return { ...seen, errors: log.errors };
}

export const CONTRACT_CHECKS = {
  async 'document-check'(env) {
    const newer = env.copyBundle('newer');
    rewrite(newer, (d) => { d.schema_version = 99; });
    const broken = env.copyBundle('broken');
    rewrite(broken, (d) => { delete d.artifacts[0].models; delete d.tours; });
    const version = await notice(env, newer);
    const structure = await notice(env, broken);
    const pass = !version.canvas && !structure.canvas && !version.errors.length && !structure.errors.length;
    return { pass, version, structure };
  },
};
