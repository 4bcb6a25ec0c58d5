#!/usr/bin/env node
// Validates GLB/glTF files with the Khronos validator (npm gltf-validator).
//   node validate_glb.mjs FILE... → one JSON line per file: {file, errors, warnings, infos, hints, messages}
// Exit code 1 when any file has errors.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import validator from 'gltf-validator';

const files = process.argv.slice(2);
if (!files.length) { console.error('usage: validate_glb.mjs FILE...'); process.exit(2); }
let failed = false;
for (const file of files) {
  try {
    const report = await validator.validateBytes(new Uint8Array(readFileSync(file)), {
      uri: file,
      maxIssues: 200,
      externalResourceFunction: (uri) => {
        const p = join(dirname(file), decodeURIComponent(uri));
        return existsSync(p) ? Promise.resolve(new Uint8Array(readFileSync(p))) : Promise.reject(new Error(`missing ${uri}`));
      },
    });
    const issues = report.issues;
    const messages = issues.messages.filter((m) => m.severity <= 1).slice(0, 20).map((m) => ({ code: m.code, severity: m.severity === 0 ? 'error' : 'warning', message: m.message, pointer: m.pointer }));
    if (issues.numErrors) failed = true;
    console.log(JSON.stringify({ file, errors: issues.numErrors, warnings: issues.numWarnings, infos: issues.numInfos, hints: issues.numHints, messages }));
  } catch (err) {
    failed = true;
    console.log(JSON.stringify({ file, errors: 1, warnings: 0, infos: 0, hints: 0, messages: [{ code: 'READ_ERROR', severity: 'error', message: String(err && err.message || err) }] }));
  }
}
process.exit(failed ? 1 : 0);
