import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { seedDataDir } from '../../support/seed-data-dir.ts';
import { repoRoot } from './paths.ts';

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Waits until the server process tree is gone. 'close' (all output pipes closed) rather than
 * 'exit': tsx exits as soon as it has passed the signal on, while the real server, which shares
 * those pipes, may still be shutting down and releasing its data-directory lock.
 */
function waitForClose(child: ChildProcess, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (child.stdout?.closed && child.stderr?.closed && child.exitCode !== null) {
      resolve(true);
      return;
    }
    const timer = setTimeout(() => resolve(false), ms);
    child.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * node's arguments that run `sampan`: the bundle the global setup built for this run (one
 * process, no tsx loader), or the sources through the tsx CLI when there is none.
 */
export function sampanCommand(): string[] {
  const bundle = inject('cliBundle');
  return bundle ? [bundle] : [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'src/cli/main.ts'];
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // Last resort: tsx runs the server as its own child, so kill the whole group.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Starts `sampan serve --port 0` on its own data directory and waits for the URL it prints.
 * An empty directory is first filled with the migrated template (no initdb, no migrations:
 * test/integration/serve.test.ts covers a first start on an empty directory).
 */
export async function startSampan(dataDir: string, timeoutMs = 90_000): Promise<RunningServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.PORT;
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0) seedDataDir(dataDir);
  const child = spawn(process.execPath, [...sampanCommand(), 'serve', '--port', '0', '--data-dir', dataDir], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString('utf8');
  });

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      reject(new Error(`Sampan did not start within ${timeoutMs} ms. Output:\n${output}`));
    }, timeoutMs);
    const poll = setInterval(() => {
      const match = /Sampan is running at (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        clearInterval(poll);
        resolve(match[1]);
      }
    }, 50);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      clearInterval(poll);
      reject(new Error(`Sampan exited early (code ${code}, signal ${signal}). Output:\n${output}`));
    });
  });

  return {
    url: url.replace(/\/$/, ''),
    output: () => output,
    stop: async () => {
      // Only the direct child: under the tsx CLI, tsx passes SIGTERM on to the server once, and
      // signalling the whole group would deliver it twice, which the server may take as "stop
      // now" and skip its clean shutdown.
      child.kill('SIGTERM');
      if (!(await waitForClose(child, 15_000))) {
        signalGroup(child, 'SIGKILL');
        await waitForClose(child, 5_000);
      }
    },
  };
}
