#!/usr/bin/env node
// Drives Debian's headless Chromium (playwright-core) against an exhibit bundle.
//   node browser_checks.mjs BUNDLE_DIR --check NAME [--json OUT] [--out PNG] [--lang TAG] [--pin SHA256:HEX]
// Prints one JSON line {check, pass, ...figures}; exit 0 when it passed.
import { chromium } from 'playwright-core';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHECKS } from './checks.mjs';
import { ARGS, PREFIX, serve } from './check_helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const bundleArg = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
const checkName = opt('check');
if (!bundleArg || !checkName || !CHECKS[checkName]) {
  console.error(`usage: browser_checks.mjs BUNDLE_DIR --check ${Object.keys(CHECKS).join('|')} [--json OUT] [--out PNG] [--lang TAG] [--viewport WxH] [--mobile] [--pin SHA256:HEX]`);
  process.exit(2);
}
const bundle = resolve(bundleArg);
async function main() {
  const profileDir = mkdtempSync(join(tmpdir(), 'vitrine-chromium-'));
  const work = mkdtempSync(join(tmpdir(), 'vitrine-check-'));
  const servers = [];
  const started = Date.now();
  let context;
  let result;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
      viewport: { width: Number((opt('viewport') || '640x480').split('x')[0]), height: Number((opt('viewport') || '640x480').split('x')[1]) },
      deviceScaleFactor: 1, locale: opt('locale') || 'en-US', hasTouch: argv.includes('--mobile'), isMobile: argv.includes('--mobile'),
    });
    const env = {
      bundle, work, here, context, opt, PREFIX,
      /** Serve a directory; returns the base URL (ending in /museum/exhibit/). */
      async serve(dir = bundle) { const s = await serve(resolve(dir)); servers.push(s); return `http://127.0.0.1:${s.address().port}${PREFIX}`; },
      fileUrl(dir = bundle) { return pathToFileURL(join(resolve(dir), 'index.html')).href; },
      copyBundle(name) { const dst = join(work, name); cpSync(bundle, dst, { recursive: true }); return dst; },
    };
    result = await CHECKS[checkName](env);
  } catch (err) {
    result = { pass: false, error: String(err && err.stack || err).slice(0, 2000) };
  } finally {
    if (context) await context.close().catch(() => {});
    for (const s of servers) s.close();
    rmSync(profileDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }
  const line = JSON.stringify({ check: checkName, ...result, seconds: (Date.now() - started) / 1000 });
  console.log(line);
  if (opt('json')) writeFileSync(opt('json'), line + '\n');
  process.exit(result.pass ? 0 : 1);
}

main();
