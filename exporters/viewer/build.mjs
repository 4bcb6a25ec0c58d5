// Builds the viewer as three classic IIFE scripts (classic, not modules: bundles must also work
// from file://, where module scripts are blocked):
//   dist/viewer-first.js  the small first script, without three.js (src/first_main.js): over
//                      http(s) it draws the start view from the coarsest levels with WebGL 2
//                      (src/first_view/) and lets the visitor turn it, then loads viewer.js;
//   dist/viewer.js     the first script: three.js (only what the viewer uses), GLTFLoader,
//                      MeshoptDecoder, OrbitControls and what draws the first levels (src/main.js);
//   dist/viewer-ui.js  the rest, loaded after the first frame (src/rest_main.js): interface,
//                      hotspots, tours, tape, XR, kiosk, QR. Its `three` and the modules viewer.js
//                      already holds (SHARED) come from window.VitrineShared, set by viewer.js.
// viewer.js carries viewer-ui.js's SHA-384 (rest_loader.js loads it with `integrity`), and
// viewer-first.js carries viewer.js's (first_main.js loads it the same way).
// Also dist/viewer.css and the test-only dist/iwer-runtime.js (never copied into bundles).
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, 'src');
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });
const common = { bundle: true, format: 'iife', target: ['es2020'], minify: true, legalComments: 'none', logLevel: 'warning' };

// Modules both scripts use: bundled once, in viewer.js, and handed to viewer-ui.js. Stateful
// ones (exhibit_loader's prefetches, view_core's class) must exist once.
const SHARED = ['view_core.js', 'exhibit_loader.js', 'framing.js', 'camera_flight.js', 'scene_builder.js', 'room.js',
  'publisher_trust.js', 'i18n_labels.js', 'visitor_rules.js', '../visitor.json'].map((p) => resolve(src, p));
const sharedKey = (abs) => (abs.endsWith('.json') ? abs.slice(abs.lastIndexOf('/') + 1) : abs.slice(src.length + 1));

/** esbuild plugin for viewer-ui.js: `three` and SHARED modules read from window.VitrineShared. */
const fromShared = {
  name: 'vitrine-shared',
  setup(build) {
    build.onResolve({ filter: /^three$/ }, () => ({ path: 'three', namespace: 'vitrine-shared' }));
    build.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.namespace !== 'file') return undefined;
      const abs = resolve(args.resolveDir, args.path);
      return SHARED.includes(abs) ? { path: sharedKey(abs), namespace: 'vitrine-shared' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'vitrine-shared' }, (args) => ({
      contents: `module.exports = window.VitrineShared[${JSON.stringify(args.path)}];`, loader: 'js',
    }));
  },
};

/** The three.js names viewer-ui.js uses (its ES build with `three` left external, read back). */
async function threeNamesOfRest() {
  // only the bare `three` is left external (esbuild's `external` would also drop three/examples/...)
  // and the SHARED modules, which viewer-ui.js does not bundle either
  const bareThree = { name: 'bare-three', setup(b) {
    b.onResolve({ filter: /^three$/ }, () => ({ path: 'three', external: true }));
    b.onResolve({ filter: /^\.\.?\// }, (args) => (SHARED.includes(resolve(args.resolveDir, args.path)) ? { path: args.path, external: true } : undefined));
  } };
  const out = await esbuild.build({ entryPoints: [join(src, 'rest_main.js')], bundle: true, format: 'esm', write: false,
    plugins: [bareThree], logLevel: 'warning' });
  const code = out.outputFiles[0].text;
  const names = new Set();
  for (const m of code.matchAll(/import\s*\{([^}]*)\}\s*from\s*"three";/g)) {
    for (const part of m[1].split(',')) { const n = part.trim().split(/\s+as\s+/)[0]; if (n) names.add(n); }
  }
  for (const m of code.matchAll(/import\s*\*\s*as\s+([\w$]+)\s+from\s*"three";/g)) {
    for (const use of code.matchAll(new RegExp(`(?<![\\w$.])${m[1].replace(/\$/g, '\\$')}\\.([A-Za-z_$][\\w$]*)`, 'g'))) names.add(use[1]);
  }
  if (/from\s*"three";/.test(code.replace(/import\s*(\{[^}]*\}|\*\s*as\s+[\w$]+)\s*from\s*"three";/g, ''))) {
    throw new Error('build.mjs: viewer-ui.js imports three in a way this build cannot share');
  }
  // `THREE.X` also appears inside strings (three's warnings): keep what three exports
  const exported = new Set(Object.keys(await import('three')));
  return [...names].filter((n) => exported.has(n)).sort();
}

/** esbuild plugin for viewer.js: the virtual ./shared_exports.js that sets window.VitrineShared. */
function sharedExports(threeNames) {
  const lines = [`import { ${threeNames.join(', ')} } from 'three';`];
  const entries = [`three: Object.freeze({ ${threeNames.join(', ')} })`];
  SHARED.forEach((abs, i) => {
    lines.push(abs.endsWith('.json') ? `import m${i} from ${JSON.stringify(abs)};` : `import * as m${i} from ${JSON.stringify(abs)};`);
    entries.push(`${JSON.stringify(sharedKey(abs))}: m${i}`);
  });
  lines.push(`window.VitrineShared = Object.freeze({ ${entries.join(', ')} });`);
  return {
    name: 'vitrine-shared-exports',
    setup(build) {
      build.onResolve({ filter: /^\.\/shared_exports\.js$/ }, () => ({ path: 'shared_exports', namespace: 'vitrine-shared-exports' }));
      build.onLoad({ filter: /.*/, namespace: 'vitrine-shared-exports' }, () => ({ contents: lines.join('\n'), loader: 'js', resolveDir: src }));
    },
  };
}

/** esbuild plugin: document_check.js reads only the version and the required keys of the
 * published schema; the rest of it (descriptions, types: ~11 kB) stays out of the first script. */
const schemaCore = {
  name: 'vitrine-schema-core',
  setup(build) {
    build.onLoad({ filter: /viewer-document\.schema\.json$/ }, (args) => {
      const schema = JSON.parse(readFileSync(args.path, 'utf-8'));
      const defs = Object.fromEntries(Object.entries(schema.$defs || {}).map(([k, v]) => [k, { required: v.required || [] }]));
      const core = { properties: { schema_version: { const: schema.properties.schema_version.const } }, required: schema.required, $defs: defs };
      return { contents: JSON.stringify(core), loader: 'json' };
    });
  },
};

const rest = await esbuild.build({ ...common, entryPoints: [join(src, 'rest_main.js')], write: false, plugins: [fromShared] });
const restBytes = rest.outputFiles[0].contents;
writeFileSync(join(dist, 'viewer-ui.js'), restBytes);
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
await esbuild.build({ ...common, entryPoints: [join(src, 'main.js')], outfile: join(dist, 'viewer.js'),
  plugins: [sharedExports(await threeNamesOfRest()), schemaCore], define: { __VITRINE_REST_INTEGRITY__: JSON.stringify(sri(restBytes)) } });
const first = await esbuild.build({ ...common, entryPoints: [join(src, 'first_main.js')], outfile: join(dist, 'viewer-first.js'), metafile: true,
  define: { __VITRINE_MAIN_INTEGRITY__: JSON.stringify(sri(readFileSync(join(dist, 'viewer.js')))) } });
// The first script must stay small and free of three.js: that is its whole point.
const firstInputs = Object.values(first.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([p]) => p));
if (firstInputs.some((p) => p.includes('node_modules/three/') && !p.includes('meshopt_decoder'))) {
  throw new Error('build.mjs: viewer-first.js must not bundle three.js');
}
copyFileSync(join(src, 'viewer.css'), join(dist, 'viewer.css'));
await esbuild.build({ ...common, entryPoints: [join(here, 'tests/iwer_entry.js')], outfile: join(dist, 'iwer-runtime.js') });
console.log('built', dist);
