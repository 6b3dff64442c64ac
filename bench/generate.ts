/**
 * Synthetic data for benchmarks: plausible, entirely invented helpline traffic. Deterministic for a seed,
 * so runs are comparable. It writes through the real services (encryption, audit, RLS included).
 */
import { randomUUID } from 'node:crypto';
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
        },
      ),
    );
    if (result.caseId) caseIds.push(result.caseId);
  }
  return caseIds;
}
