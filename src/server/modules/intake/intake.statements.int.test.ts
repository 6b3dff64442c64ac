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

  it('creates an advice-only contact of a known caller in few statements', async () => {
    const statements = await count(intakeBody(tx, { requestId: randomUUID(), outcome: 'info_only' }));
    console.log(
      kind,
      'info_only',
      statements.length,
      '\n' + statements.map((s) => s.slice(0, 110)).join('\n'),
    );
    expect(statements.length).toBeLessThanOrEqual(100);
  });

  it('opens a case with signals in few statements', async () => {
    const statements = await count(
      intakeBody(tx, {
        requestId: randomUUID(),
        outcome: 'open_case',
        signalIds: [tx.byCode('signal', 'withdrawal'), tx.byCode('signal', 'online_content')],
        subject: { alias: 'Y.', ageBand: '16_17', status: SUBJECT_STATUSES[0] },
      }),
    );
    console.log(
      kind,
      'open_case',
      statements.length,
      '\n' + statements.map((s) => s.slice(0, 110)).join('\n'),
    );
    expect(statements.length).toBeLessThanOrEqual(100);
  });
});
