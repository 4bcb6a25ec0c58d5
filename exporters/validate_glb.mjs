// Runs the Khronos glTF validator (npm gltf-validator, resolved from
// exporters/viewer/node_modules) on each GLB named on the command line and
// prints one JSON object: {"path": {"errors": [...], "warnings": [...], "infos": n}, ...}.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(join(here, 'viewer', 'package.json'));
const validator = require('gltf-validator');

const out = {};
for (const path of process.argv.slice(2)) {
  const bytes = new Uint8Array(readFileSync(path));
  const report = await validator.validateBytes(bytes, { maxIssues: 200, writeTimestamp: false });
  const messages = (report.issues && report.issues.messages) || [];
  const pick = (severity) => messages.filter((m) => m.severity === severity)
    .map((m) => `${m.code}: ${m.message}${m.pointer ? ` (${m.pointer})` : ''}`);
  out[path] = { errors: pick(0), warnings: pick(1), infos: pick(2).length };
}
process.stdout.write(JSON.stringify(out));
