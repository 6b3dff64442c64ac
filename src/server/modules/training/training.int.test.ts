import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inOrg } from '../../db/database.js';
import type { Actor } from '../../lib/actor.js';
import type { Ctx } from '../../lib/context.js';
import { terms } from '../../test/cases-fixtures.js';
import { testKinds } from '../../test/databases.js';
import {
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { getProfile, updateProfile } from '../counsellors/counsellors.service.js';
import { overview } from './training.service.js';

const kinds = await testKinds();

/**
 * Lookups by id sets, not one query per row (issue 10): the training overview and a profile save run the same
 * number of statements whether the organisation has one counsellor or four, and a profile names one
 * municipality or four.
 */
describe.each(kinds)('training and profiles on %s: no query per row', (kind) => {
  let t: TestApp;
  let admin: SignedIn;
  let coord: SignedIn;
  let actor: Actor;
  const counsellors: SignedIn[] = [];

  /** Runs `fn` in the organisation's transaction and counts the statements it sends. */
  async function statements<T>(
    fn: (ctx: Ctx) => Promise<T>,
    as: Actor = actor,
  ): Promise<{ n: number; result: T }> {
    let n = 0;
    const counter: KyselyPlugin = {
      transformQuery: (args) => {
        n += 1;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const result = await inOrg(t.deps.db, actor.orgId, (trx) =>
      fn({ db: trx.withPlugin(counter), actor: as, clock: t.clock, keyring: t.deps.keyring }),
    );
    return { n, result };
  }

  beforeAll(async () => {
    t = await createTestApp(kind);
    admin = await setupOrganisation(t);
    coord = await inviteAndActivate(t, admin.agent, 'coordinator');
    counsellors.push(await inviteAndActivate(t, admin.agent, 'counsellor'));
    const session = (await coord.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>();
    actor = {
      kind: 'user',
      userId: coord.userId,
      orgId: session.organisation.id,
      role: 'coordinator',
      sessionId: 'test',
    };
  });
  afterAll(() => t.close());

  it('reads every counsellor’s training in one query for the overview', async () => {
    const one = await statements((ctx) => overview(ctx));
    expect(one.result.needs.map((x) => x.userId)).toEqual([counsellors[0]!.userId]);
    for (let i = 0; i < 3; i++) counsellors.push(await inviteAndActivate(t, admin.agent, 'counsellor'));
    const four = await statements((ctx) => overview(ctx));
    expect(four.result.needs).toHaveLength(4);
    expect(four.result.needs.every((x) => x.need === 'basic_missing')).toBe(true);
    expect(four.n).toBe(one.n);
  });

  it('checks the municipalities of a profile in one query', async () => {
    const places = (await coord.agent.get('/api/places/municipalities'))
      .json<{ items: { id: string }[] }>()
      .items.map((m) => m.id);
    const userId = counsellors[0]!.userId;
    const one = await statements((ctx) =>
      updateProfile(ctx, userId, { servesMunicipalityIds: places.slice(0, 1) }),
    );
    const four = await statements((ctx) =>
      updateProfile(ctx, userId, { servesMunicipalityIds: places.slice(0, 4) }),
    );
    expect(four.result.servesMunicipalityIds).toEqual(places.slice(0, 4));
    expect(four.n).toBe(one.n);
    // A place the organisation does not have is still refused.
    await expect(
      statements((ctx) =>
        updateProfile(ctx, userId, {
          servesMunicipalityIds: [places[0]!, '00000000-0000-4000-8000-000000000000'],
        }),
      ),
    ).rejects.toMatchObject({ errors: [{ field: 'homeMunicipalityId', reason: 'unknown_municipality' }] });
  });

  it('checks the backgrounds a counsellor declares in one query', async () => {
    const tx = await terms(coord.agent);
    const backgrounds = ['moroccan_dutch', 'turkish_dutch', 'somali_dutch', 'dutch'].map((code) =>
      tx.byCode('background', code),
    );
    const userId = counsellors[0]!.userId;
    // Only the counsellor declares their own background.
    const self: Actor = { ...actor, userId, role: 'counsellor' };
    const one = await statements(
      (ctx) => updateProfile(ctx, userId, { backgroundIds: backgrounds.slice(0, 1) }),
      self,
    );
    const four = await statements((ctx) => updateProfile(ctx, userId, { backgroundIds: backgrounds }), self);
    expect([...four.result.backgroundIds].sort()).toEqual([...backgrounds].sort());
    expect(four.n).toBe(one.n);
    // A term of another list, or an unknown id, among them is still refused, and nothing is written.
    for (const wrong of [tx.byCode('category', 'C9'), '00000000-0000-4000-8000-000000000000'])
      await expect(
        statements((ctx) => updateProfile(ctx, userId, { backgroundIds: [backgrounds[0]!, wrong] }), self),
      ).rejects.toMatchObject({ errors: [{ field: 'backgroundIds', reason: 'unknown_term' }] });
    const after = await statements((ctx) => getProfile(ctx, userId), self);
    expect([...after.result.backgroundIds].sort()).toEqual([...backgrounds].sort());
  });
});
