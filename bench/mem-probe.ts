// Scratch probe (not committed): memory of an embedded database right after opening it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDatabase } from '../src/server/db/open.js';
const mb = (n: number) => Math.round(n / 1024 / 1024);
const show = (label: string) => {
  const m = process.memoryUsage();
  console.log(label, { rss: mb(m.rss), heapUsed: mb(m.heapUsed), external: mb(m.external), arrayBuffers: mb(m.arrayBuffers) });
};
const dir = process.env.PROBE_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'confidant-probe-'));
show('start');
const db = await openDatabase({ dataDir: dir, databaseUrl: undefined, databaseOwnerUrl: undefined }, pino({ level: 'warn' }));
show('opened');
(globalThis as { gc?: () => void }).gc?.();
await new Promise((r) => setTimeout(r, 500));
(globalThis as { gc?: () => void }).gc?.();
show('after gc');
await db.close();
if (!process.env.PROBE_DIR) fs.rmSync(dir, { recursive: true, force: true });
