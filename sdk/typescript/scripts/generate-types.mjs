#!/usr/bin/env node
// Writes src/generated/openapi.ts from a running API's document:
//   node scripts/generate-types.mjs [http://127.0.0.1:3000]   (or TOLLGATE_URL)
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateTypes } from './openapi-types.mjs';

const base = process.argv[2] ?? process.env.TOLLGATE_URL ?? 'http://127.0.0.1:3000';
const res = await fetch(new URL('/docs/openapi.json', base));
if (!res.ok) {
  console.error(`generate: ${base}/docs/openapi.json answered ${res.status}`);
  process.exit(1);
}
const out = resolve(dirname(fileURLToPath(import.meta.url)), '../src/generated/openapi.ts');
writeFileSync(out, await generateTypes(await res.json()));
console.error(`generate: wrote ${out}`);
