import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { SERVER_BUNDLE, serverEnv, serverNodeFlags } from '../../../scripts/build-server.js';
import { seedEmbeddedDatabase, TEST_SHARED_BUFFERS } from '../../../src/server/test/pglite-template.js';

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  /** Recent server output, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** A port that was free a moment ago (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts the real server on a fresh data directory and waits until it is healthy. */
export async function startServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'confidant-e2e-'));
  await seedEmbeddedDatabase(dataDir);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  // The compiled server, as `npm start` runs it (built once per run by tests/e2e/global-setup.ts).
  const serverEnvironment = serverEnv({
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    PUBLIC_URL: baseUrl,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    PGLITE_SHARED_BUFFERS: TEST_SHARED_BUFFERS,
    ...env,
  });
  const child = spawn(process.execPath, [...serverNodeFlags(serverEnvironment), SERVER_BUNDLE], {
    cwd: ROOT,
    env: serverEnvironment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const append = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const output = () => log;

  async function stop() {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    }
    await rm(dataDir, { recursive: true, force: true });
  }

  try {
    // Generous: on a loaded machine the first start (tsx compiling the server) can take minutes.
    await waitForHealth(baseUrl, child, 240_000, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, dataDir, output, stop };
}

/**
 * A movable server clock for deadline tests: pass `env` to startServer (with fast job polling); `advance`
 * moves the server's time forward (the server reads the offset from the file on every "now").
 */
export async function testClock(): Promise<{
  env: Record<string, string>;
  advance: (ms: number) => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'confidant-clock-'));
  const file = path.join(dir, 'offset-ms');
  await writeFile(file, '0');
  return {
    env: { TEST_CLOCK_FILE: file, JOBS_POLL_MS: '200' },
    advance: (ms) => writeFile(file, String(ms)),
  };
}
