// Builds dist/viewer.js (classic IIFE: three + OrbitControls + GLTFLoader +
// MeshoptDecoder + the viewer), dist/viewer.css and the test-only
// dist/iwer-runtime.js (never copied into bundles).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
mkdirSync(dist, { recursive: true });
const common = { bundle: true, format: 'iife', target: ['es2020'], minify: true, legalComments: 'none', logLevel: 'warning' };

await esbuild.build({ ...common, entryPoints: [join(here, 'src/main.js')], outfile: join(dist, 'viewer.js') });
copyFileSync(join(here, 'src/viewer.css'), join(dist, 'viewer.css'));
await esbuild.build({ ...common, entryPoints: [join(here, 'tests/iwer_entry.js')], outfile: join(dist, 'iwer-runtime.js') });
console.log('built', dist);
