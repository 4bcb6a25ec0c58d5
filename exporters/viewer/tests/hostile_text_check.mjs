#!/usr/bin/env node
// The viewer with hostile curator text, over http (127.0.0.1) and from file://:
// every annotation opened in every language shows exhibit.json's strings exactly (as text),
// every tour stepped through; no dialog, page error, console error, event-handler attribute,
// javascript: URL, foreign <script>, or request outside the bundle.
//   node hostile_text_check.mjs BUNDLE_DIR [--json OUT]
// Prints one JSON line {pass, counts, dialogs, errors, outside, mismatches, dom}; exit 0 when it passed.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { newPage, openViewer } from './check_helpers.mjs';

const argv = process.argv.slice(2);
const jsonOut = argv.includes('--json') ? argv[argv.indexOf('--json') + 1] : null;
const bundle = resolve(argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--json') || '');
const PREFIX = '/museum/exhibit/';
const OWN_SCRIPTS = ['data/exhibit.js', 'data/manifest.js', 'viewer-first.js', 'viewer.js', 'viewer-ui.js', 'iwer-runtime.js'];
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--use-gl=angle', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css',
  '.json': 'application/json', '.glb': 'model/gltf-binary', '.png': 'image/png', '.wav': 'audio/wav', '.vtt': 'text/vtt' };

function serve(root) {
  const server = createServer((req, res) => {
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const file = normalize(join(root, decodeURIComponent(path.slice(PREFIX.length)) || 'index.html'));
    if (!path.startsWith(PREFIX) || !file.startsWith(root + sep) || !existsSync(file)) { res.writeHead(404); res.end(); return; }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// The viewer's own rules (src/language.js text(), src/annotation_panel.js paragraphs()).
const pick = (map, tag, first) => (map == null ? '' : typeof map === 'string' ? map
  : map[tag] || map[first] || Object.values(map).find(Boolean) || '');
const paragraphs = (text) => String(text || '').split(/\r?\n\s*\r?\n/).map((p) => p.trim()).filter(Boolean);

/** Runs in the page: what a payload could have made live. */
function domAudit(own) {
  const URL_ATTRS = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcdoc'];
  const handlers = []; const jsUrls = []; const scripts = [];
  for (const node of document.querySelectorAll('*')) {
    for (const attr of node.attributes) {
      if (/^on/i.test(attr.name)) handlers.push(`${node.tagName} ${attr.name}`);
      // URL attributes only: a title shown in aria-label or title may read "JaVaScRiPt:alert(7)" as text.
      if (URL_ATTRS.includes(attr.name.toLowerCase())
        && /^\s*(javascript|vbscript):/i.test(attr.value.replace(/[\u0000-\u001f]/g, ''))) jsUrls.push(`${node.tagName} ${attr.name}`);
    }
  }
  const base = new URL('.', location.href).href;
  for (const s of document.querySelectorAll('script')) {
    // schema.org JSON-LD is data, never run: allowed when it is one whole JSON value
    if (!s.src && s.type === 'application/ld+json') { try { JSON.parse(s.textContent); continue; } catch (_) { /* flagged below */ } }
    // The bundle's own: the viewer, its data, and (from file://) models as models/*.js script files.
    const rel = s.src.startsWith(base) ? s.src.slice(base.length) : null;
    if (rel === null || !(own.includes(rel) || /^models\/[^?#]+\.js$/.test(rel))) scripts.push(s.src || `inline: ${s.textContent.slice(0, 40)}`);
  }
  return { handlers, jsUrls, scripts };
}

async function visit(context, url, doc) {
  const { page, log } = await newPage({ context });
  const prefix = url.slice(0, url.lastIndexOf('/') + 1);
  await openViewer(page, url);
  const first = doc.languages[0];
  const langs = await page.evaluate(() => window.vitrine.languages());
  const mismatches = [];
  let opened = 0;
  for (const lang of langs) {
    const seen = await page.evaluate(({ lang, ids }) => {
      window.vitrine.setLanguage(lang);
      return ids.map((id) => {
        window.vitrine.openAnnotation(id);
        return { id, title: document.querySelector('.vt-panel-title').textContent,
          body: [...document.querySelectorAll('.vt-panel-body')].map((p) => p.textContent) };
      });
    }, { lang, ids: doc.annotations.map((a) => a.id) });
    for (const [i, a] of doc.annotations.entries()) {
      opened += 1;
      const want = { title: pick(a.title, lang, first), body: paragraphs(pick(a.body, lang, first)) };
      if (seen[i].title !== want.title || JSON.stringify(seen[i].body) !== JSON.stringify(want.body)) {
        mismatches.push({ lang, id: a.id, want: want.title.slice(0, 40), got: seen[i].title.slice(0, 40) });
      }
    }
  }
  let steps = 0;
  const tours = doc.tours.filter((t) => (t.steps || []).length);
  for (const lang of langs) {
    await page.evaluate((lang) => window.vitrine.setLanguage(lang), lang);
    for (const tour of tours) {
      await page.evaluate((id) => window.vitrine.startTour(id), tour.id);
      for (const step of tour.steps) {
        const narration = await page.evaluate(() => document.querySelector('.vt-narration').textContent);
        if (narration !== pick(step.narration, lang, first)) mismatches.push({ lang, step: step.id, got: narration.slice(0, 40) });
        steps += 1;
        await page.evaluate(() => window.vitrine.nextStep());
      }
      await page.evaluate(() => window.vitrine.stopTour());
    }
  }
  await page.waitForTimeout(300); // late errors or requests from what was shown
  const dom = await page.evaluate(domAudit, OWN_SCRIPTS);
  // blob: and data: URLs are made by the viewer itself (decoded models); anything else must be in the bundle.
  const outside = log.requests.filter((r) => !r.startsWith(prefix) && !/^(blob|data):/.test(r));
  await page.close();
  return { url, languages: langs.length, annotationsOpened: opened, tours: tours.length, tourSteps: steps,
    dialogs: log.dialogs, errors: [...log.errors, ...log.console], requests: log.requests.length, outside, mismatches, dom };
}

async function main() {
  const doc = JSON.parse(readFileSync(join(bundle, 'exhibit.json'), 'utf8'));
  const profile = mkdtempSync(join(tmpdir(), 'vitrine-hostile-'));
  let server; let context; let result;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.VITRINE_CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
      viewport: { width: 640, height: 480 }, locale: 'en-US' });
    server = await serve(bundle);
    const runs = [await visit(context, `http://127.0.0.1:${server.address().port}${PREFIX}index.html`, doc),
      await visit(context, pathToFileURL(join(bundle, 'index.html')).href, doc)];
    const all = (key) => runs.flatMap((r) => r[key]);
    const pass = runs.every((r) => r.annotationsOpened === doc.annotations.length * r.languages && r.languages === doc.languages.length
      && !r.dialogs.length && !r.errors.length && !r.outside.length && !r.mismatches.length
      && !r.dom.handlers.length && !r.dom.jsUrls.length && !r.dom.scripts.length);
    result = { pass, errorsByRun: runs.map((r) => r.errors), counts: { annotations: doc.annotations.length, annotationsOpened: runs.map((r) => r.annotationsOpened),
      languages: runs[0].languages, tours: runs[0].tours, tourSteps: runs.map((r) => r.tourSteps), requests: runs.map((r) => r.requests) },
    dialogs: all('dialogs'), errors: all('errors'), outside: all('outside'), mismatches: all('mismatches').slice(0, 20),
    dom: runs.map((r) => r.dom), runs: runs.map((r) => r.url) };
  } catch (err) {
    result = { pass: false, error: String((err && err.stack) || err).slice(0, 2000) };
  } finally {
    if (context) await context.close().catch(() => {});
    if (server) server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  const line = JSON.stringify(result);
  console.log(line);
  if (jsonOut) writeFileSync(jsonOut, line + '\n');
  process.exit(result.pass ? 0 : 1);
}

main();
