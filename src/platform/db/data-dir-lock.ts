import { readFileSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';

export type DataDirLock = { release(): Promise<void> };

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Accord process (pid ${pid}) is already using the data directory ${dataDir}. ` +
        'Stop it first, or start this one with a different ACCORD_DATA_DIR.',
    );
  }
}

/** True when a process with this pid exists (also when it belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// NOTE: a pid can be reused after a crash; on Linux we also check the process is a Node.js one.
function isAccordProcess(pid: number): boolean {
  if (!isProcessAlive(pid)) return false;
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return commandLine.includes('node') || commandLine.includes('accord');
  } catch {
    return true;
  }
}

/** Takes `<dataDir>/accord.lock` for this process; a stale lock from a crashed process is taken over. */
export async function acquireDataDirLock(dataDir: string): Promise<DataDirLock> {
  const file = path.join(dataDir, 'accord.lock');
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      const handle = await open(file, 'wx', 0o644);
      await handle.writeFile(String(process.pid));
      await handle.close();
      return {
        release: async () => {
          const owner = Number(await readFile(file, 'utf8').catch(() => '0'));
          if (owner === process.pid) await rm(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await readFile(file, 'utf8').catch(() => '')).trim());
      if (owner && owner !== process.pid && isAccordProcess(owner)) throw new DataDirInUseError(dataDir, owner);
      await rm(file, { force: true });
    }
  }
  throw new Error(`Could not lock the data directory ${dataDir}`);
}
