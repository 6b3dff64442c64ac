import type { Config } from './config.js';
import { openDatabase } from './db/open.js';
import type { Database } from './db/database.js';
import { systemClock, type Clock } from './lib/clock.js';
import { Keyring } from './lib/crypto/keyring.js';
import { loadMasterKeys } from './lib/crypto/master-key.js';
import type { Deps } from './lib/deps.js';
import { createLogger } from './lib/logger.js';
import { createMailer } from './lib/mailer.js';
import { indexCallerAliases } from './modules/search/alias-backfill.js';
import { sealBacklog } from './modules/sealing/sealing.service.js';

/**
 * Opens everything the app needs, in order: logger, master key, database (migrated, checked), keyring; then
 * seals what an earlier version stored in clear and indexes the aliases it left without a search index.
 */
export async function boot(
  config: Config,
  clock: Clock = systemClock,
): Promise<{ deps: Deps; database: Database }> {
  const log = createLogger(config.logLevel);
  const masters = loadMasterKeys({
    ...(config.masterKey ? { env: config.masterKey } : {}),
    ...(process.env.MASTER_KEY_PREVIOUS ? { previous: process.env.MASTER_KEY_PREVIOUS } : {}),
    file: config.masterKeyFile,
  });
  const database = await openDatabase(config, log);
  const mailer = createMailer(config);
  if (mailer && !config.publicUrl) {
    log.warn('SMTP_URL is set but PUBLIC_URL is not: links in e-mails will point to http://localhost:3000');
  }
  const deps: Deps = {
    db: database.db,
    ...(database.replica ? { replica: database.replica } : {}),
    keyring: new Keyring(masters),
    clock,
    config,
    log,
    ...(mailer ? { mailer } : {}),
  };
  try {
    // Clear values an earlier version left are sealed before anything is served (migration 0012).
    await sealBacklog(deps);
    // Callers saved before search existed get the keyed index of their alias (migration 0017).
    await indexCallerAliases(deps);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { deps, database };
}
