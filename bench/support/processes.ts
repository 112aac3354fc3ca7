import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Started {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first 200 from `probePath`. */
  readyMs: number;
  stop(): Promise<void>;
}

/** Spawns a node+tsx script and waits until `probePath` answers 200. */
export async function startAndProbe(
  script: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  probePath = '/health',
): Promise<Started> {
  const t0 = performance.now();
  const loader = script.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = spawn(process.execPath, [...loader, resolve(ROOT, script), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stderr?.on('data', (d) => (out += d));
  const url = await new Promise<string>((done, fail) => {
    child.stdout?.on('data', (d) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) done(m[1]);
    });
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${out}`)));
  });
  for (;;) {
    try {
      const res = await fetch(`${url}${probePath}`);
      if (res.status === 200) break;
    } catch {
      // not yet listening
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  const readyMs = performance.now() - t0;
  return {
    child,
    url,
    readyMs,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Builds dist/sampan.mjs, which is what `npm start` runs, and returns its path. */
export function buildServer(): string {
  const r = spawnSync(process.execPath, ['scripts/build-server.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('server build failed');
  return 'dist/sampan.mjs';
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

export function machine(): string {
  const cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown cpu';
  const mem = Number(/MemTotal:\s+(\d+)/.exec(readFileSync('/proc/meminfo', 'utf8'))?.[1] ?? 0) / 1024 / 1024;
  return `${cpu.trim()}, ${process.env.BENCH_CORES ?? 2} cores, ${mem.toFixed(0)} GiB, Node ${process.version}`;
}

export async function setupOwnerAndToken(url: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      name: 'Bench Owner',
      email: 'bench@example.com',
      password: 'bench-password',
      companyName: 'Bench',
    }),
  });
  if (res.status !== 201) throw new Error(`setup failed: ${res.status} ${await res.text()}`);
  const cookie = /sampan_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const tok = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ name: 'bench', role: 'admin' }),
  });
  return ((await tok.json()) as { token: string }).token;
}
