import fs from 'node:fs';
import type { ChainVerify } from '../shared/audit.schema.js';
import { loadConfig } from './config.js';
import { openOwnerDatabase } from './db/open.js';
import { inOrg } from './db/database.js';
import { rewrapAllOrgKeys } from './lib/crypto/rotate.js';
import { generateMasterKey, loadMasterKeys, parseMasterKey, writeKeyFile } from './lib/crypto/master-key.js';
import { createLogger } from './lib/logger.js';
import { Keyring } from './lib/crypto/keyring.js';
import { installChainKeyring } from './modules/audit/audit.keys.js';
import { listOrgIds } from './modules/audit/audit.repository.js';
import { verifyAndCheckpoint } from './modules/audit/audit.service.js';

const USAGE = `Usage: npm run cli -- <command>

  audit:verify          Link the entries waiting for the linker, then recompute every organisation's audit
                        chain and access log, keyed, and every entry's own MAC, against the last signed
                        checkpoint in DATA_DIR/audit-checkpoints; exit 1 if any is broken. When all is
                        intact, write and print a new checkpoint (keep a copy outside this machine).
  keys:rotate-master    Re-wrap every organisation key under a new master key.
                        With MASTER_KEY set, also set MASTER_KEY_NEW; otherwise the key file is replaced.
  keys:generate         Print a new random master key (base64), for MASTER_KEY.

The embedded database can only be opened by one process: stop the server before running a command.`;

/** The command's answer goes to standard output; it is the point of the command, not a log line. */
function print(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function main(): Promise<number> {
  const command = process.argv[2];
  const config = loadConfig({ LOG_LEVEL: 'warn', ...process.env });
  const log = createLogger(config.logLevel);
  if (command === 'keys:generate') {
    print(generateMasterKey().key.toString('base64'));
    return 0;
  }
  if (command !== 'audit:verify' && command !== 'keys:rotate-master') {
    print(USAGE);
    return command ? 2 : 0;
  }
  const database = await openOwnerDatabase(config, log);
  try {
    if (command === 'audit:verify') return await verifyAll(config, database.db);
    return await rotate(config, database.db);
  } finally {
    await database.close();
  }
}

function masterKeysOf(config: ReturnType<typeof loadConfig>) {
  return loadMasterKeys({
    ...(config.masterKey ? { env: config.masterKey } : {}),
    ...(process.env.MASTER_KEY_PREVIOUS ? { previous: process.env.MASTER_KEY_PREVIOUS } : {}),
    file: config.masterKeyFile,
  });
}

/** Names a broken entry by its chain place, or by its row id while it waits for the linker. */
function where(r: ChainVerify): string {
  if (r.firstBrokenSeq !== null) return `entry ${r.firstBrokenSeq}`;
  return r.firstBrokenId !== null ? `waiting entry id ${r.firstBrokenId}` : 'entry ?';
}

/**
 * Links every organisation's waiting entries, verifies its chains against its last checkpoint and prints a
 * new one when intact.
 */
async function verifyAll(
  config: ReturnType<typeof loadConfig>,
  db: Parameters<typeof rewrapAllOrgKeys>[0],
): Promise<number> {
  const keyring = new Keyring(masterKeysOf(config));
  installChainKeyring(keyring);
  let broken = 0;
  for (const orgId of await listOrgIds(db)) {
    // The owner is not subject to row-level security, but scoping keeps the query the same as the app's.
    const r = await inOrg(db, orgId, (trx) =>
      verifyAndCheckpoint(trx, keyring, orgId, { dataDir: config.dataDir, now: new Date(), write: true }),
    );
    const audit = r.problem
      ? `audit log BROKEN at ${where(r)} (${r.problem}), ${r.checked} entries intact before it`
      : `audit log intact (${r.checked} entries)`;
    const access = r.accessLog.ok
      ? `access log intact (${r.accessLog.checked} entries)`
      : `access log BROKEN at ${where(r.accessLog)} (${r.accessLog.problem}), ${r.accessLog.checked} entries intact before it`;
    const against = r.checkpoint
      ? `checked against the checkpoint of ${r.checkpoint.at}`
      : 'no earlier checkpoint';
    print(`organisation ${orgId}: ${audit}; ${access}; ${against}`);
    if (r.newCheckpoint) print(`checkpoint ${JSON.stringify(r.newCheckpoint)}`);
    if (!r.ok) broken += 1;
  }
  return broken === 0 ? 0 : 1;
}

async function rotate(
  config: ReturnType<typeof loadConfig>,
  db: Parameters<typeof rewrapAllOrgKeys>[0],
): Promise<number> {
  const known = masterKeysOf(config);
  if (config.masterKey) {
    if (!process.env.MASTER_KEY_NEW)
      throw new Error('Set MASTER_KEY_NEW to the new key (npm run cli -- keys:generate)');
    const next = parseMasterKey(process.env.MASTER_KEY_NEW);
    const n = await rewrapAllOrgKeys(db, known, next);
    print(`Re-wrapped ${n} organisation key(s). Now set MASTER_KEY to the new key on every instance.`);
    return 0;
  }
  // Key file: write the new key beside the old one first, so a crash at any point leaves a readable state.
  const next = generateMasterKey();
  const nextFile = `${config.masterKeyFile}.next`;
  writeKeyFile(nextFile, next);
  const n = await rewrapAllOrgKeys(db, known, next);
  fs.renameSync(nextFile, config.masterKeyFile);
  print(`Re-wrapped ${n} organisation key(s); ${config.masterKeyFile} now holds the new master key.`);
  return 0;
}

// A maintenance command is short and runs in the foreground: on SIGINT/SIGTERM it stops at once (a key
// rotation is one transaction, and the new key file is only renamed into place after it commits).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    console.error(`Stopped by ${signal}.`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  });
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  },
);
