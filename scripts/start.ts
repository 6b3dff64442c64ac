/**
 * `npm start`: builds the web app when it is missing or older than its sources, compiles the server
 * (scripts/build-server.ts), then runs it with plain Node in place of this process.
 * Everything runs from this checkout; nothing is downloaded at run time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer, serverEnv, serverNodeFlags } from './build-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'dist/web/index.html');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const sources = Math.max(newestMtime(path.join(root, 'src/web')), newestMtime(path.join(root, 'src/shared')));
if (!fs.existsSync(built) || fs.statSync(built).mtimeMs < sources) {
  console.log('Building the web app…');
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for its build when it is unset; the server must not inherit that (it would
  // then demand a PUBLIC_URL on a laptop), so the variable is put back as it was.
  const nodeEnv = process.env.NODE_ENV;
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  if (nodeEnv === undefined) delete process.env.NODE_ENV;
  else process.env.NODE_ENV = nodeEnv;
}
const server = await buildServer();
const args = [...serverNodeFlags(process.env), server];
const env = serverEnv(process.env);

// The server replaces this process (Node 22.15 and later): one process, signals straight to it, and none of
// the builders' memory. On an older Node it runs as a child that gets our signals and our exit code.
if (typeof process.execve === 'function') {
  process.execve(process.execPath, [process.execPath, ...args], env);
} else {
  const child = spawn(process.execPath, args, { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
