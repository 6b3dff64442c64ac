import { randomUUID } from 'node:crypto';
import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBJECT_STATUSES } from '../../../shared/cases.schema.js';
import { testKinds } from '../../test/databases.js';
import { intakeBody, terms, type Terms } from '../../test/cases-fixtures.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';

const kinds = await testKinds();

/** Counts every statement the app sends through Kysely (BEGIN and COMMIT are not queries: add 2 per transaction). */
class Counter implements KyselyPlugin {
  statements: string[] = [];
  constructor(private readonly compile: (args: PluginTransformQueryArgs) => string) {}
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.statements.push(this.compile(args));
    return args.node;
  }
  async transformResult<R>(args: { result: R }): Promise<R> {
    return args.result;
  }
}

describe.each(kinds)('statements per created contact on %s', (kind) => {
  let t: TestApp;
  let coordinator: SignedIn;
  let tx: Terms;

  beforeAll(async () => {
    t = await createTestApp(kind);
    const admin = await setupOrganisation(t);
    coordinator = await inviteAndActivate(t, admin.agent, 'coordinator');
    tx = await terms(coordinator.agent);
    // Warm the caches (the organisation's data key) and the known caller, as on a running server.
    expect(
      (await coordinator.agent.post('/api/intake', intakeBody(tx, { outcome: 'info_only' }))).statusCode,
    ).toBe(200);
  });
  afterAll(() => t.close());

  async function count(body: Record<string, unknown>): Promise<string[]> {
    const db = t.deps.db;
    const counter = new Counter((args) => db.getExecutor().compileQuery(args.node, args.queryId).sql);
    t.deps.db = db.withPlugin(counter);
    try {
      const res = await coordinator.agent.post('/api/intake', body);
      expect(res.statusCode).toBe(200);
    } finally {
      t.deps.db = db;
    }
    return counter.statements;
  }

  /*
   * The regression guard of issue 15. Counted are the statements the app sends through Kysely for one
   * POST /api/intake; BEGIN and COMMIT of its two transactions come on top.
   *
   * An advice-only call of a known caller — 7, was 12:
   *   4 of the request pipeline (session look-up, its transaction's organisation and session row, the
   *     request transaction's organisation and role), which issue 15 shrinks elsewhere;
   *   1 look-up of an earlier save of the request id, the caller by phone index and every named term
   *     (was: an advisory lock, the earlier save, category, relation, caller: 5);
   *   1 insert of the contact (a concurrent double submit waits on its unique request id instead of a lock);
   *   1 insert of the audit entries, unchained, each with its own MAC (was 2 while the request chained them:
   *     lock the head, then the entries and the head; the linker does that now, off the request path).
   *
   * A call that opens a case with two signals and a relative with a status — 15, was 35: the same 4 + 1, the
   * case reference counter and the case, the contact, its observations (one insert), the contact-log entry,
   * the organisation's time zone and language (one look-up), the case's observations (one insert), the
   * relative and their status — and 1 for all seven audit entries (were 14: 2 each; then 2).
   */
  it('creates an advice-only contact of a known caller in 7 statements', async () => {
    const statements = await count(intakeBody(tx, { requestId: randomUUID(), outcome: 'info_only' }));
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(7);
  });

  it('opens a case with signals and a relative in 15 statements', async () => {
    const statements = await count(
      intakeBody(tx, {
        requestId: randomUUID(),
        outcome: 'open_case',
        signalIds: [tx.byCode('signal', 'withdrawal'), tx.byCode('signal', 'online_content')],
        subject: { alias: 'Y.', ageBand: '16_17', status: SUBJECT_STATUSES[0] },
      }),
    );
    expect(statements.length, statements.join('\n')).toBeLessThanOrEqual(15);
  });
});
