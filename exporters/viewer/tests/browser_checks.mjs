#!/usr/bin/env node
// Drives Debian's headless Chromium (playwright-core) against an exhibit bundle.
//   node browser_checks.mjs BUNDLE_DIR --check NAME [--json OUT] [--out PNG] [--lang TAG]
// Prints one JSON line {check, pass, ...figures}; exit 0 when it passed.
import { chromium } from 'playwright-core';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHECKS } from './checks.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const opt = (name) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : undefined; };
const bundleArg = argv.find((a, i) => !a.startsWith('--') && !(i > 0 && argv[i - 1].startsWith('--')));
const checkName = opt('check');
if (!bundleArg || !checkName || !CHECKS[checkName]) {
  console.error(`usage: browser_checks.mjs BUNDLE_DIR --check ${Object.keys(CHECKS).join('|')} [--json OUT] [--out PNG] [--lang TAG] [--viewport WxH] [--mobile]`);
  process.exit(2);
}
const bundle = resolve(bundleArg);
const PREFIX = '/museum/exhibit/';
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json',
  '.glb': 'model/gltf-binary', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.webp': 'image/webp',
  '.mp3': 'audio/mpeg', '.ogg': 'audio/ogg', '.wav': 'audio/wav', '.vtt': 'text/vtt', '.sig': 'text/plain' };

/** Tiny static server: the bundle under /museum/exhibit/ on 127.0.0.1. */
function serve(root) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    if (!url.pathname.startsWith(PREFIX)) { res.writeHead(404); res.end(); return; }
    const rel = decodeURIComponent(url.pathname.slice(PREFIX.length)) || 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream', 'content-length': body.length, 'cache-control': 'no-cache' });
    res.end(body);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--autoplay-policy=no-user-gesture-required', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];

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
