import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// NOTE: this file runs from `src/platform` (tests, dev) and from the `dist` bundle; both find the
// project root by walking up to Accord's package.json.
function findProjectRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(directory, 'package.json')) && existsSync(path.join(directory, 'db', 'migrations'))) {
      return directory;
    }
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('Cannot find the Accord project root (package.json with db/migrations)');
    directory = parent;
  }
}

const projectRoot = findProjectRoot();

/** An absolute path inside the installed project (migrations, the web build). */
export function projectPath(...segments: string[]): string {
  return path.join(projectRoot, ...segments);
}
