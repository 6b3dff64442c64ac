/**
 * Synthetic data for benchmarks: plausible, entirely invented helpline traffic. Deterministic for a seed,
 * so runs are comparable. It writes through the real services (encryption, audit, RLS included).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { inOrg } from '../src/server/db/database.js';
import type { Actor } from '../src/server/lib/actor.js';
import type { Deps } from '../src/server/lib/deps.js';
import { saveIntake } from '../src/server/modules/intake/intake.service.js';
import { listTerms } from '../src/server/modules/taxonomies/taxonomies.service.js';

const MUNICIPALITIES = [
  'Amsterdam',
  'Rotterdam',
  'Den Haag',
  'Utrecht',
  'Zeist',
  'Gouda',
  'Arnhem',
  'Eindhoven',
  'Tilburg',
  'Almere',
  'Leiden',
  'Delft',
];
const ALIASES = [
  'Moeder van A.',
  'Umm Youssef',
  'Vader K.',
  'Mevrouw B.',
  'Hooyo Ayaan',
  'Anne S.',
  'Oom M.',
  'Zus van R.',
];
const SUMMARIES = [
  'Zoon trekt zich terug, kijkt veel online preken en wil niet meer naar school.',
  'Dochter heeft contact met onbekenden via een app en praat over vertrekken.',
  'Broer is teruggekeerd; familie weet niet hoe ze hem moeten opvangen.',
  'Vraag van een school over een leerling die zich snel verandert.',
  'Moeder zoekt informatie over wat zij kan doen.',
];
const LANGUAGES = ['nl', 'ary', 'rif', 'tr', 'so', 'ar'] as const;

/** Small deterministic PRNG (mulberry32). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function generateIntakes(deps: Deps, actor: Actor, count: number, seed = 42): Promise<string[]> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const terms = await inOrg(deps.db, actor.orgId, (trx) =>
    listTerms({ db: trx, actor, clock: deps.clock, keyring: deps.keyring }),
  );
  const categories = terms.items.filter((t) => t.kind === 'category').map((t) => t.id);
  const relations = terms.items.filter((t) => t.kind === 'relation').map((t) => t.id);
  const caseIds: string[] = [];
  for (let i = 0; i < count; i++) {
    const danger = rnd() < 0.03;
    const result = await inOrg(deps.db, actor.orgId, (trx) =>
      saveIntake(
        { db: trx, actor, clock: deps.clock, keyring: deps.keyring },
        {
          requestId: randomUUID(),
          channel: pick(['phone', 'whatsapp', 'email', 'walk_in'] as const),
          language: pick(LANGUAGES),
          callerAlias: pick(ALIASES),
          phone: rnd() < 0.7 ? `0612${String(Math.floor(rnd() * 1e6)).padStart(6, '0')}` : undefined,
          relationId: pick(relations),
          municipality: pick(MUNICIPALITIES),
          categoryId: pick(categories),
          summary: pick(SUMMARIES),
          immediateDanger: danger,
          callback: {
            mayCallBack: rnd() < 0.8,
            mayLeaveMessage: rnd() < 0.3,
            safeTimes: '',
            safeChannel: null,
          },
          confidentialityExplained: true,
          outcome: !danger && rnd() < 0.35 ? 'info_only' : 'open_case',
          preferences: {
            counsellorGender: rnd() < 0.4 ? 'female' : null,
            backgroundId: null,
            language: rnd() < 0.3 ? pick(LANGUAGES) : null,
          },
          subject: { alias: '', ageBand: 'unknown', status: null },
          signalIds: [],
          protectiveIds: [],
          sourceActivityId: null,
        },
      ),
    );
    if (result.caseId) caseIds.push(result.caseId);
  }
  return caseIds;
}

const COUNSELLOR_LANGS = ['nl', 'ary', 'rif', 'zgh', 'ar', 'tr', 'so', 'en', 'fr', 'ku', 'fa', 'ti'];

/**
 * `count` counsellors with realistic spread: most active and trained, some with expired VOG or training,
 * absences, full caseloads; languages weighted towards Dutch and Darija. Bulk inserts, in batches.
 */
export async function generateCounsellors(deps: Deps, actor: Actor, count: number, seed = 7): Promise<void> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);
  const shift = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
  await inOrg(deps.db, actor.orgId, async (trx) => {
    const municipalities = await trx.selectFrom('municipalities').select('id').execute();
    const backgrounds = await trx
      .selectFrom('taxonomy_terms')
      .select('id')
      .where('kind', '=', 'background')
      .execute();
    const courseId = randomUUID();
    const sessionId = randomUUID();
    await trx
      .insertInto('courses')
      .values({
        id: courseId,
        org_id: actor.orgId,
        name: 'Basistraining',
        kind: 'basic',
        validity_months: 24,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('training_sessions')
      .values({
        id: sessionId,
        org_id: actor.orgId,
        course_id: courseId,
        starts_at: new Date(now.getTime() - 200 * 86_400_000),
        place: 'Utrecht',
        trainer: 'Bench',
        created_at: now,
      })
      .execute();
    for (let start = 0; start < count; start += 500) {
      const n = Math.min(500, count - start);
      const ids = Array.from({ length: n }, () => randomUUID());
      await trx
        .insertInto('users')
        .values(
          ids.map((id, i) => ({
            id,
            org_id: actor.orgId,
            email: `c${start + i}.${id.slice(0, 6)}@bench.example`,
            display_name: `Counsellor ${start + i}`,
            role: 'counsellor' as const,
            status: 'active' as const,
            language: 'nl' as const,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      await trx
        .insertInto('counsellor_profiles')
        .values(
          ids.map((id) => ({
            user_id: id,
            org_id: actor.orgId,
            status: rnd() < 0.85 ? ('active' as const) : pick(['candidate', 'paused', 'left'] as const),
            gender: pick(['female', 'male'] as const),
            home_municipality_id: pick(municipalities).id,
            serves_municipality_ids: [pick(municipalities).id],
            serves_provinces: [],
            remote: rnd() < 0.2,
            max_active_cases: 1 + Math.floor(rnd() * 4),
            availability: JSON.stringify(
              rnd() < 0.9
                ? {
                    mon: [['18:00', '21:00']],
                    tue: [],
                    wed: [['09:00', '12:00']],
                    thu: [],
                    fri: [],
                    sat: [],
                    sun: [],
                  }
                : { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
            ),
            vog_issued_on: shift(-400),
            vog_expires_on: rnd() < 0.9 ? shift(300) : shift(-5),
            updated_at: now,
          })),
        )
        .execute();
      const langs = ids.flatMap((id) => {
        const set = new Set<string>(['nl']);
        const extra = Math.floor(rnd() * 3);
        for (let k = 0; k < extra; k++) set.add(pick(COUNSELLOR_LANGS));
        return [...set].map((code) => ({
          org_id: actor.orgId,
          user_id: id,
          code,
          level: pick(['basic', 'good', 'native'] as const),
        }));
      });
      await trx.insertInto('counsellor_languages').values(langs).execute();

      // One self-declared background each, sealed as the profile service seals it.
      const chosen = ids.map((id) => ({ id, backgrounds: JSON.stringify([pick(backgrounds).id]) }));
      const rows = await Promise.all(
        chosen.map(
          async (c) =>
            sql`(${c.id}::uuid, ${await deps.keyring.encrypt(
              trx,
              actor.orgId,
              { table: 'counsellor_profiles', column: 'background_ids', id: c.id },
              c.backgrounds,
            )}::bytea)`,
        ),
      );
      await sql`update counsellor_profiles p set background_ids_enc = v.enc
        from (values ${sql.join(rows)}) as v(id, enc) where p.user_id = v.id`.execute(trx);
      await trx
        .insertInto('training_attendance')
        .values(
          ids
            .filter(() => rnd() < 0.9)
            .map((id) => ({
              org_id: actor.orgId,
              session_id: sessionId,
              user_id: id,
              attended: true,
              completed_on: shift(-200),
              expires_on: rnd() < 0.95 ? shift(530) : shift(-1),
            })),
        )
        .execute();
      const absent = ids.filter(() => rnd() < 0.05);
      if (absent.length) {
        await trx
          .insertInto('counsellor_absences')
          .values(
            absent.map((id) => ({
              id: randomUUID(),
              org_id: actor.orgId,
              user_id: id,
              from_date: shift(-2),
              to_date: shift(5),
            })),
          )
          .execute();
      }
    }
    void today;
    // The matching read model, as the profile service keeps it.
    await sql`update counsellor_profiles p set
      language_codes = coalesce((select array_agg(code order by code) from counsellor_languages l where l.user_id = p.user_id), '{}')`.execute(
      trx,
    );
  });
}
