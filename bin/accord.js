#!/usr/bin/env node
// The `accord` command: runs the built CLI (`npm run build` makes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../dist/accord.js', import.meta.url));
if (!existsSync(entry)) {
  process.stderr.write('Accord is not built yet. Run `npm install` (or `npm run build`) in the project first.\n');
  process.exit(1);
}
await import(entry);
