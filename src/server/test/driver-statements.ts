import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * Every statement either database driver sends while `on` is set, BEGIN and COMMIT included: what the
 * statement-count guards of issue 15 count. Importing this module patches both drivers' query methods once.
 */
export const driverStatements = { on: false, statements: [] as string[] };

function patch<T extends object>(proto: T, name: keyof T & string): void {
  const original = proto[name] as unknown as (...args: unknown[]) => unknown;
  (proto as Record<string, unknown>)[name] = function (this: unknown, ...args: unknown[]) {
    if (driverStatements.on) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string })?.text;
      driverStatements.statements.push(String(text).replace(/\s+/g, ' ').slice(0, 120));
    }
    return original.apply(this, args);
  };
}
patch(pg.Client.prototype, 'query');
patch(PGlite.prototype, 'query');
patch(PGlite.prototype, 'exec');

/** The statements sent while `fn` runs. */
export async function statementsOf(fn: () => Promise<void>): Promise<string[]> {
  driverStatements.statements = [];
  driverStatements.on = true;
  try {
    await fn();
  } finally {
    driverStatements.on = false;
  }
  return driverStatements.statements;
}
