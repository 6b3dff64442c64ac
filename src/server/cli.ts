import fs from 'node:fs';
import { loadConfig } from './config.js';
import { openOwnerDatabase } from './db/open.js';
import { inOrg } from './db/database.js';
import { rewrapAllOrgKeys } from './lib/crypto/rotate.js';
import { generateMasterKey, loadMasterKeys, parseMasterKey, writeKeyFile } from './lib/crypto/master-key.js';
import { createLogger } from './lib/logger.js';
import { listOrgIds } from './modules/audit/audit.repository.js';
import { verifyChain } from './modules/audit/audit.service.js';

const USAGE = `Usage: npm run cli -- <command>

  audit:verify          Recompute every organisation's audit chain; exit 1 if any is broken.
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
    if (command === 'audit:verify') {
      let broken = 0;
      for (const orgId of await listOrgIds(database.db)) {
        // The owner is not subject to row-level security, but scoping keeps the query the same as the app's.
        const result = await inOrg(database.db, orgId, (trx) => verifyChain(trx, orgId));
        print(
          result.ok
            ? `organisation ${orgId}: intact (${result.checked} entries)`
            : `organisation ${orgId}: BROKEN at entry ${result.firstBrokenSeq} (${result.problem}), ${result.checked} entries intact before it`,
        );
        if (!result.ok) broken += 1;
      }
      return broken === 0 ? 0 : 1;
    }
    return await rotate(config, database.db);
  } finally {
    await database.close();
  }
}

async function rotate(
  config: ReturnType<typeof loadConfig>,
  db: Parameters<typeof rewrapAllOrgKeys>[0],
): Promise<number> {
  const known = loadMasterKeys({
    ...(config.masterKey ? { env: config.masterKey } : {}),
    ...(process.env.MASTER_KEY_PREVIOUS ? { previous: process.env.MASTER_KEY_PREVIOUS } : {}),
    file: config.masterKeyFile,
  });
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
