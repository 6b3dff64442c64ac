import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * A database that accepts the connection and never answers: the CLI hangs in its first query, which is where
 * a stuck maintenance command used to spin and ignore SIGTERM.
 */
describe('maintenance command and signals', () => {
  let silent: net.Server;
  let port = 0;
  const sockets: net.Socket[] = [];
  let connected: () => void = () => {};

  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.push(socket);
      connected();
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    port = (silent.address() as net.AddressInfo).port;
  });
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('stops at once on %s while waiting for its database, exiting %i', async (signal, expected) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-cli-signal-'));
    const reached = new Promise<void>((resolve) => (connected = resolve));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'audit:verify'], {
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: `postgres://nobody@127.0.0.1:${port}/none`,
        DATABASE_OWNER_URL: `postgres://nobody@127.0.0.1:${port}/none`,
        MASTER_KEY_FILE: path.join(dataDir, 'master.key'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      await reached;
      const sentAt = Date.now();
      child.kill(signal);
      const code = await Promise.race([
        exited,
        new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 15_000)),
      ]);
      expect(code).toBe(expected);
      expect(Date.now() - sentAt).toBeLessThan(15_000);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
