import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/**
 * Start a long-running child. `group: true` gives it its own process group (for the benchmark, which stops it while
 * running on); otherwise it stays in ours, so Ctrl-C, or a test runner killing our group, stops it too.
 */
export function startGroup(cmd: string, args: string[], opts: SpawnOptions & { group?: boolean } = {}): ChildProcess {
  const { group = false, ...rest } = opts;
  return spawn(cmd, args, { stdio: 'inherit', detached: group, ...rest });
}

/** Stop a child and everything it started. */
export function stopGroup(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, signal); // its own group
  } catch {
    try {
      child.kill(signal);
    } catch {
      /* already gone */
    }
  }
}

/** Run to completion, inheriting stdio; resolves with the exit code. */
export function run(cmd: string, args: string[], opts: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const c = spawn(cmd, args, { stdio: 'inherit', ...opts });
    c.on('exit', (code, sig) => resolve(code ?? (sig ? 1 : 0)));
  });
}

export async function waitForUrl(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    if (!isAlive()) throw new Error(`process for ${url} exited before it was ready`);
    try {
      const r = await fetch(url);
      if (r.ok) return;
      last = `HTTP ${r.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} not ready after ${timeoutMs} ms (${last})`);
}
