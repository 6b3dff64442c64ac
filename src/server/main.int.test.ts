import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/** The real server process on the embedded database: start, lock, clean shutdown. */
describe('server process on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-main-'));
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function freePort(): Promise<number> {
    return new Promise((resolve) => {
      const s = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = s.address() as net.AddressInfo;
        s.close(() => resolve(port));
      });
    });
  }

  function start(port: number): {
    child: ChildProcess;
    output: () => string;
    exited: Promise<number | null>;
  } {
    let out = '';
    const child = spawn('node', ['--import', 'tsx', 'src/server/main.ts'], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
    });
    children.push(child);
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (out += String(d)));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, output: () => out, exited };
  }

  /** Waits for `check`; on a timeout every child is killed first, so none is left spinning. */
  async function waitFor(check: () => boolean, ms = 150_000): Promise<void> {
    const until = Date.now() + ms;
    while (!check()) {
      if (Date.now() > until) {
        for (const c of children) c.kill('SIGKILL');
        throw new Error('timed out');
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  it('starts, prints its URL, refuses a second process on the same directory, and stops cleanly', async () => {
    const port = await freePort();
    const first = start(port);
    await waitFor(() => first.output().includes('Confidant is running at'));
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(fs.statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(await health.json()).toEqual({ status: 'ok', database: 'pglite' });

    const second = start(await freePort());
    expect(await second.exited).toBe(1);
    expect(second.output()).toMatch(/already opened by another Confidant process/);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    // The lock is released and the data is intact: a new process opens the same directory.
    const port3 = await freePort();
    const third = start(port3);
    await waitFor(() => third.output().includes('Confidant is running at'));
    const status = await fetch(`http://127.0.0.1:${port3}/api/setup/status`);
    expect(await status.json()).toEqual({ needed: true });
    third.child.kill('SIGINT');
    expect(await third.exited).toBe(0);
  }, 600_000);

  it('restarts at once after the previous server was killed with SIGKILL', async () => {
    const first = start(await freePort());
    await waitFor(() => first.output().includes('Confidant is running at'));
    first.child.kill('SIGKILL');
    await first.exited;
    // Keep the lock looking freshly refreshed (as right after the kill) however slowly the next process boots:
    // only the dead holder's recorded pid can tell that it is abandoned.
    const lock = path.join(dataDir, 'pgdata.lock');
    const future = new Date(Date.now() + 10 * 60_000);
    fs.utimesSync(lock, future, future);
    const port = await freePort();
    const second = start(port);
    await Promise.race([
      waitFor(() => second.output().includes('Confidant is running at')),
      second.exited.then(() => {
        throw new Error(`refused: ${second.output()}`);
      }),
    ]);
    expect(second.output()).not.toMatch(/already opened/);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  }, 400_000);
});
