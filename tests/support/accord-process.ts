import { type ChildProcess, spawn } from 'node:child_process';
import { projectPath } from '../../src/platform/project-path';

export type AccordProcess = {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
};

/** The CLI run from source (tsx), so tests exercise the code as it is, not a stale build. */
export function runAccord(args: string[], environment: Record<string, string | undefined>): ChildProcess {
  const { DATABASE_URL: _inheritedDatabase, ...inherited } = process.env;
  return spawn(process.execPath, ['--import', 'tsx', projectPath('src', 'cli', 'main.ts'), ...args], {
    cwd: projectPath(),
    env: { ...inherited, LOG_LEVEL: 'warn', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a process's output and resolves with its exit code. */
export function watch(child: ChildProcess) {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { output: () => output, exited };
}

/** Starts `accord start` on a free port and waits until it says where it listens. */
export async function startAccordProcess(environment: Record<string, string | undefined>): Promise<AccordProcess> {
  const child = runAccord(['start'], { PORT: '0', ...environment });
  const { output, exited } = watch(child);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Accord did not start in time:\n${output()}`)), 120_000);
    const check = () => {
      const match = /Accord is running at (http:\/\/\S+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Accord exited with ${code} before listening:\n${output()}`));
    });
  });
  return { child, url, output, exited };
}
