/**
 * The seeded data generator (issue 15): organisations as set-up makes them, staff per role, counsellors, and
 * years of helpline traffic — contacts, cases with their whole story, consents, referrals, aftercare —
 * written in bulk but row for row as the services write them: free text sealed with the organisation's key
 * (Keyring.encrypt), phone numbers and aliases indexed with its keyed HMACs, every change an entry in the
 * organisation's keyed audit chain (the app's own hash, head lock and append), all inside transactions
 * scoped to the organisation so that row-level security checks every row. Deterministic for a seed: the
 * same options give the same records and counts (ciphertexts differ: each has a fresh nonce).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../src/server/db/database.js';
import { inOrg, setOrg } from '../../src/server/db/database.js';
import type { Actor } from '../../src/server/lib/actor.js';
import type { Clock } from '../../src/server/lib/clock.js';
import type { Deps } from '../../src/server/lib/deps.js';
import { keyedEntryHash, GENESIS_HASH } from '../../src/server/modules/audit/audit.canonical.js';
import { chainKey } from '../../src/server/modules/audit/audit.keys.js';
import * as auditRepo from '../../src/server/modules/audit/audit.repository.js';
import { audit } from '../../src/server/modules/audit/audit.service.js';
import { toBuffer } from '../../src/server/db/database.js';
import { aliasIndex } from '../../src/server/modules/intake/alias.js';
import { phoneIndex } from '../../src/server/modules/intake/phone.js';
import {
  claimInstallation,
  insertOrganisation,
} from '../../src/server/modules/organisations/organisations.repository.js';
import { createPartner } from '../../src/server/modules/partners/partners.service.js';
import { seedMunicipalities } from '../../src/server/modules/places/places.seed.js';
import { seedTaxonomies } from '../../src/server/modules/taxonomies/taxonomies.seed.js';
import { DEFAULT_AFTERCARE } from '../../src/shared/work.schema.js';
import type { Role } from '../../src/shared/roles.js';
import type { CaseState } from '../../src/shared/cases.schema.js';
import { generateCounsellors } from '../generate.js';
import type { Rng } from './random.js';
import {
  apportion,
  between,
  geometric,
  idFactory,
  pick,
  prng,
  subSeed,
  weighted,
  zipfWeights,
} from './random.js';
import * as v from './vocabulary.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export type Dialect = 'postgres' | 'pglite';

export interface SeedOptions {
  /** How rows are sent: column arrays on PostgreSQL, multi-row VALUES on PGlite. */
  dialect: Dialect;
  /** Organisations generated at the same time (PostgreSQL; PGlite has one connection). */
  jobs?: number;
  /** Only the organisations with these indexes (a share of the work for one process); all when absent. */
  only?: number[];
  contacts: number;
  orgs: number;
  counsellors: number;
  seed: number;
  /** Years of history, ending at `now`. */
  years: number;
  now: Date;
  /** Marks the organisations as demo data (the UI shows a banner). */
  demo?: boolean;
  /** One account per staff role (a demo), instead of coordinators in proportion to the traffic. */
  onePerRole?: boolean;
  /** Names of the organisations; generated when absent. */
  orgNames?: string[];
  /** Password hash (argon2, from hashPassword) given to every staff account that signs in. */
  passwordHash: string;
  /** Progress lines; silent when absent. */
  log?: (line: string) => void;
}

export interface SeededUser {
  userId: string;
  role: Role;
  email: string;
  displayName: string;
  /** Base32 TOTP secret (enrolled); the account signs in with the password and a code from it. */
  totpSecret: string;
}

export interface SeededOrg {
  orgId: string;
  name: string;
  staff: SeededUser[];
  counts: Counts;
  /** A phone number (as a caller would give it) that called more than once: for look-up checks. */
  repeatCallerPhone: string | null;
}

export type Counts = Record<string, number>;

/** Column budget of one INSERT: PostgreSQL takes at most 65,535 parameters per statement. */
const MAX_PARAMS = 60_000;

/** PostgreSQL types of a table's columns, as `format_type` names them. */
const columnTypes = new Map<string, Map<string, string>>();

async function typesOf(db: Transaction<DB>, table: string): Promise<Map<string, string>> {
  let types = columnTypes.get(table);
  if (!types) {
    const { rows } = await sql<{ name: string; type: string }>`
      select a.attname as name, format_type(a.atttypid, a.atttypmod) as type from pg_attribute a
      where a.attrelid = ${table}::regclass and a.attnum > 0 and not a.attisdropped`.execute(db);
    types = new Map(rows.map((r) => [r.name, r.type]));
    columnTypes.set(table, types);
  }
  return types;
}

/** A PostgreSQL array literal of text elements (for array columns sent through unnest). */
function arrayLiteral(xs: unknown[]): string {
  const element = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  return `{${xs.map((x) => (x === null ? 'NULL' : `"${element(x).replace(/(["\\])/g, '\\$1')}"`)).join(',')}}`;
}

/**
 * Inserts rows. On PostgreSQL one column array per parameter through unnest(): the statement stays small
 * whatever the number of rows, so it is parsed and planned in no time; embedded PGlite gets multi-row VALUES
 * within the parameter limit. Either way the rows, their constraints, triggers and row-level security are
 * those of the app's own inserts.
 */
async function insertMany(
  db: Transaction<DB>,
  table: string,
  rows: Record<string, unknown>[],
  dialect: Dialect,
): Promise<void> {
  if (rows.length === 0) return;
  const t0 = performance.now();
  const cols = Object.keys(rows[0]!);
  if (dialect === 'postgres') {
    const types = await typesOf(db, table);
    const per = 20_000;
    for (let i = 0; i < rows.length; i += per) {
      const part = rows.slice(i, i + per);
      const args = cols.map((c) => {
        const type = types.get(c);
        if (!type) throw new Error(`${table}.${c} does not exist`);
        const composite = type.endsWith('[]') || type === 'jsonb' || type === 'json';
        const values = part.map((r) => {
          const x = r[c];
          if (x === null || x === undefined) return null;
          if (type.endsWith('[]')) return arrayLiteral(x as unknown[]);
          if (composite) return typeof x === 'string' ? x : JSON.stringify(x);
          return x instanceof Date ? x.toISOString() : x;
        });
        return {
          param: sql`${values}::${sql.raw(composite ? 'text[]' : `${type}[]`)}`,
          pick: composite ? sql`${sql.ref(`u.${c}`)}::${sql.raw(type)}` : sql.ref(`u.${c}`),
        };
      });
      await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.ref(c)))})
        select ${sql.join(args.map((a) => a.pick))}
        from unnest(${sql.join(args.map((a) => a.param))}) as u(${sql.join(cols.map((c) => sql.ref(c)))})`.execute(
        db,
      );
    }
  } else {
    const per = Math.max(1, Math.floor(MAX_PARAMS / cols.length));
    for (let i = 0; i < rows.length; i += per) {
      await db
        .insertInto(table as keyof DB)
        .values(rows.slice(i, i + per))
        .execute();
    }
  }
  timings[table] = (timings[table] ?? 0) + performance.now() - t0;
}

/** Milliseconds spent writing each table (printed by the command line with --profile). */
export const timings: Record<string, number> = {};

/** One entry of the audit chain, waiting for its place in time. */
interface PendingAudit {
  at: number;
  order: number;
  actorId: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  changedFields: string[];
  details: Record<string, string | number | boolean | null>;
}

/**
 * Appends entries to the organisation's chain exactly as `audit()` does — head locked, HMAC with the chain
 * key over the previous hash and the canonical entry, head moved — but many per statement.
 */
async function appendAudit(
  deps: Deps,
  trx: Transaction<DB>,
  orgId: string,
  entries: PendingAudit[],
  dialect: Dialect,
) {
  if (entries.length === 0) return;
  const head = await auditRepo.lockHead(trx, orgId);
  if (head && head.unkeyed_until > 0 && head.seq === head.unkeyed_until)
    throw new Error('The chain began unkeyed: write one entry through audit() first');
  const key = await chainKey(deps.keyring, trx, orgId, 'audit');
  let prev = head ? toBuffer(head.hash) : GENESIS_HASH;
  let seq = head?.seq ?? 0;
  let isNew = !head;
  const per = dialect === 'postgres' ? 20_000 : 5000;
  for (let i = 0; i < entries.length; i += per) {
    const rows: auditRepo.EntryRow[] = [];
    for (const e of entries.slice(i, i + per)) {
      seq += 1;
      const at = new Date(e.at);
      const fields = {
        orgId,
        seq,
        at,
        actorId: e.actorId,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        changedFields: [...e.changedFields].sort(),
        details: e.details,
      };
      const hash = keyedEntryHash(key, prev, fields);
      rows.push({
        org_id: orgId,
        seq,
        at,
        actor_id: e.actorId,
        action: e.action,
        entity: e.entity,
        entity_id: e.entityId,
        changed_fields: fields.changedFields,
        details: e.details,
        prev_hash: prev,
        hash,
      });
      prev = hash;
    }
    if (dialect === 'postgres') {
      // The same rows and head as appendEntries writes, with the rows sent as column arrays.
      await insertMany(trx, 'audit_log', rows as unknown as Record<string, unknown>[], dialect);
      const last = rows.at(-1)!;
      if (isNew)
        await trx
          .insertInto('audit_heads')
          .values({ org_id: orgId, seq: last.seq, hash: last.hash, unkeyed_until: 0 })
          .execute();
      else
        await trx
          .updateTable('audit_heads')
          .set({ seq: last.seq, hash: last.hash })
          .where('org_id', '=', orgId)
          .execute();
    } else {
      const t0 = performance.now();
      await auditRepo.appendEntries(trx, orgId, rows, { isNew, unkeyedUntil: 0 });
      timings.audit_log = (timings.audit_log ?? 0) + performance.now() - t0;
    }
    isNew = false;
  }
}

const fixedClock = (at: Date): Clock => ({ now: () => new Date(at.getTime()) });

const FIRST_NAMES = [
  'Khadija',
  'Mehmet',
  'Sanne',
  'Youssef',
  'Hodan',
  'Ayşe',
  'Karim',
  'Fleur',
  'Ilham',
  'Dirk',
  'Samira',
  'Bilal',
  'Noor',
  'Ahmed',
  'Esra',
  'Tom',
  'Layla',
  'Abdi',
  'Marloes',
  'Rachid',
];
const LAST_NAMES = [
  'Benali',
  'Yıldız',
  'de Jong',
  'El Idrissi',
  'Farah',
  'Kaya',
  'Visser',
  'Bouzid',
  'Mulder',
  'Hassan',
  'Smit',
  'Aydın',
  'Meijer',
  'Ouali',
  'Bos',
  'Warsame',
  'de Graaf',
  'Amrani',
  'Peters',
  'Çelik',
];

const ROLE_NAMES: Record<Role, string[]> = {
  admin: ['Amina Admin', 'Bram Beheer'],
  coordinator: [
    'Fatima El Amrani',
    'Jeroen de Vries',
    'Sevda Yılmaz',
    'Hodan Warsame',
    'Pieter Bakker',
    'Nadia Ouali',
  ],
  counsellor: ['Khadija Benali'],
  analyst: ['Ruben Analist'],
  privacy_officer: ['Marieke Privacy'],
  peer_organiser: ['Latifa Platform'],
};

/** Staff accounts that sign in (counsellors come from the counsellor generator). */
function staffPlan(contacts: number, onePerRole: boolean): { role: Role; n: number }[] {
  return [
    { role: 'admin', n: 1 },
    { role: 'coordinator', n: onePerRole ? 1 : Math.max(2, Math.min(40, Math.round(contacts / 5000))) },
    { role: 'analyst', n: 1 },
    { role: 'privacy_officer', n: 1 },
  ];
}

function slug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const REGIONS = [
  'Noord',
  'Zuid',
  'Oost',
  'West',
  'Midden',
  'Rijnmond',
  'Haaglanden',
  'Twente',
  'Brabant',
  'Limburg',
  'Gelderland',
  'Flevoland',
  'Friesland',
  'Groningen',
  'Drenthe',
  'Zeeland',
  'Utrecht',
  'Amsterdam',
  'Kennemerland',
  'Gooi',
];

export function orgName(i: number): string {
  const region = REGIONS[i % REGIONS.length]!;
  const round = Math.floor(i / REGIONS.length);
  return `Steunpunt ${region}${round ? ` ${round + 1}` : ''}`;
}

/**
 * Creates an organisation as first-run set-up does (organisation, data key, standard lists, municipalities,
 * first admin, two audit entries), plus the staff accounts with an enrolled second factor.
 */
async function createOrganisation(
  deps: Deps,
  input: {
    name: string;
    at: Date;
    contacts: number;
    passwordHash: string;
    demo: boolean;
    onePerRole: boolean;
    rnd: Rng;
  },
): Promise<{ orgId: string; staff: SeededUser[] }> {
  const { generateSecret } = await import('otplib');
  const orgId = randomUUID();
  const clock = fixedClock(input.at);
  const domain = `${slug(input.name)}.example`;
  const staff: SeededUser[] = [];
  await deps.db.transaction().execute(async (trx) => {
    await claimInstallation(trx, input.at);
    await setOrg(trx, orgId);
    if (input.demo)
      await trx
        .insertInto('organisations')
        .values({
          id: orgId,
          name: input.name,
          default_language: 'nl',
          is_demo: true,
          created_at: input.at,
          updated_at: input.at,
        })
        .execute();
    else
      await insertOrganisation(trx, { id: orgId, name: input.name, default_language: 'nl', now: input.at });
    await deps.keyring.createOrgKey(trx, orgId, input.at);
    await seedTaxonomies(trx as unknown as Kysely<unknown>, orgId, input.at);
    await seedMunicipalities(trx as unknown as Kysely<unknown>, orgId);
    let first: Actor | undefined;
    for (const { role, n } of staffPlan(input.contacts, input.onePerRole)) {
      for (let k = 0; k < n; k++) {
        const userId = randomUUID();
        const names = ROLE_NAMES[role];
        const displayName =
          k < names.length ? names[k]! : `${names[k % names.length]} ${Math.floor(k / names.length) + 1}`;
        const email = `${role.replace('_', '-')}${k ? k + 1 : ''}@${domain}`;
        const totpSecret = generateSecret();
        await trx
          .insertInto('users')
          .values({
            id: userId,
            org_id: orgId,
            email,
            display_name: displayName,
            role,
            status: 'active',
            language: 'nl',
            password_hash: input.passwordHash,
            password_changed_at: input.at,
            totp_secret: await deps.keyring.encrypt(
              trx,
              orgId,
              { table: 'users', column: 'totp_secret', id: userId },
              totpSecret,
            ),
            totp_enrolled_at: input.at,
            totp_last_step: null,
            last_sign_in_at: null,
            created_at: input.at,
            updated_at: input.at,
          })
          .execute();
        const actor: Actor = first ?? { kind: 'user', userId, orgId, role, sessionId: '' };
        const ctx = { db: trx, actor, clock, keyring: deps.keyring };
        if (!first) {
          first = actor;
          await audit(ctx, {
            action: 'organisation.create',
            entity: 'organisation',
            entityId: orgId,
            changedFields: ['name'],
          });
        }
        await audit(ctx, {
          action: 'user.create',
          entity: 'user',
          entityId: userId,
          changedFields: ['email', 'display_name', 'role', 'password'],
          details: { role },
        });
        staff.push({ userId, role, email, displayName, totpSecret });
      }
    }
    const admin = first!;
    const ctx = { db: trx, actor: admin, clock, keyring: deps.keyring };
    for (const p of v.PARTNERS) {
      await createPartner(ctx, {
        name: p.name,
        type: p.type as never,
        municipality: '',
        languages: ['nl'],
        secureContact: `intake@${slug(p.name)}.example`,
        contactPerson: pick(input.rnd, ['Mw. De Boer', 'Dhr. Yıldız', 'Mw. Haddou', 'Dhr. Jansen']),
        notes: '',
      });
    }
  });
  return { orgId, staff };
}

interface OrgWorld {
  orgId: string;
  categories: { id: string; code: string }[];
  relations: string[];
  interventions: { id: string; code: string }[];
  closures: { id: string; code: string }[];
  signals: { id: string; kind: 'signal' | 'protective'; label: string }[];
  municipalities: string[];
  coordinators: string[];
  counsellors: string[];
  partners: { id: string; name: string; type: string }[];
}

async function loadWorld(deps: Deps, orgId: string): Promise<OrgWorld> {
  return inOrg(deps.db, orgId, async (trx) => {
    const terms = await trx
      .selectFrom('taxonomy_terms')
      .select(['id', 'kind', 'code', 'labels'])
      .orderBy('sort')
      .execute();
    const of = (kind: string) => terms.filter((t) => t.kind === kind);
    const municipalities = await trx.selectFrom('municipalities').select('name').orderBy('name').execute();
    const users = await trx
      .selectFrom('users')
      .leftJoin('counsellor_profiles as p', 'p.user_id', 'users.id')
      .select(['users.id', 'users.role', 'p.status as profile'])
      .orderBy('users.email')
      .execute();
    const partners = await trx
      .selectFrom('partners')
      .select(['id', 'name', 'type'])
      .orderBy('name')
      .execute();
    return {
      orgId,
      categories: of('category').map((t) => ({ id: t.id, code: t.code })),
      relations: of('relation').map((t) => t.id),
      interventions: of('intervention').map((t) => ({ id: t.id, code: t.code })),
      closures: of('closure').map((t) => ({ id: t.id, code: t.code })),
      signals: [...of('signal'), ...of('protective')].map((t) => ({
        id: t.id,
        kind: t.kind as 'signal' | 'protective',
        label: (t.labels as { nl: string }).nl,
      })),
      municipalities: municipalities.map((m) => m.name),
      coordinators: users.filter((u) => u.role === 'coordinator').map((u) => u.id),
      counsellors: users.filter((u) => u.role === 'counsellor' && u.profile === 'active').map((u) => u.id),
      partners: partners.map((p) => ({ id: p.id, name: p.name, type: p.type })),
    };
  });
}

/** Rows of one chunk, per table, in the order foreign keys need. */
const TABLE_ORDER = [
  'callers',
  'cases',
  'contacts',
  'contact_observations',
  'case_log',
  'case_subjects',
  'subject_status_events',
  'case_observations',
  'case_interventions',
  'consents',
  'referrals',
  'disclosures',
  'tasks',
] as const;
type SeedTable = (typeof TABLE_ORDER)[number];

interface Caller {
  id: string;
  phone: string | null;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A one-pixel PNG: the drawn signature of generated consents (sealed like a real one). */
const SIGNATURE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/**
 * Generates and writes one organisation's traffic: `total` contacts spread over the history, in chunks,
 * each chunk one transaction; audit entries are written in time order as their moment passes.
 */
async function generateTraffic(
  deps: Deps,
  world: OrgWorld,
  opts: { total: number; start: number; now: number; rnd: Rng; dialect: Dialect; log?: (l: string) => void },
): Promise<{ counts: Counts; repeatCallerPhone: string | null }> {
  const { total, start, now, rnd } = opts;
  const orgId = world.orgId;
  const nextId = idFactory(orgId);
  const keyring = deps.keyring;
  const counts: Counts = {};
  const category = weighted(
    world.categories,
    world.categories.map((c) => v.CATEGORY_WEIGHTS[c.code] ?? 5),
  );
  // Each organisation's own long tail: its municipalities in a seeded order, Zipf-weighted.
  const places = [...world.municipalities].sort(() => rnd() - 0.5);
  const municipality = weighted(places, zipfWeights(places.length, 1.1));
  const carePartners = world.partners.filter((p) => v.CARE_PARTNER_TYPES.includes(p.type));
  const callers: Caller[] = [];
  const withPhone: Caller[] = [];
  let repeatCallerPhone: string | null = null;
  const counters = new Map<number, number>();
  const pending: PendingAudit[] = [];
  let order = 0;
  let rows = new Map<SeedTable, Record<string, unknown>[]>();
  const push = (table: SeedTable, row: Record<string, unknown>) => {
    let list = rows.get(table);
    if (!list) rows.set(table, (list = []));
    list.push(row);
    counts[table] = (counts[table] ?? 0) + 1;
  };
  const log = (
    at: number,
    actorId: string,
    action: string,
    entity: string,
    entityId: string | null,
    changedFields: string[],
    details: PendingAudit['details'] = {},
  ) => {
    pending.push({ at, order: order++, actorId, action, entity, entityId, changedFields, details });
  };
  // Only the data key is needed, fetched once; sealing itself is Keyring.encrypt per field.
  let tx: Transaction<DB>;
  const seal = (table: string, column: string, id: string, text: string) =>
    keyring.encrypt(tx, orgId, { table, column, id }, text);
  const ctxFor = () => ({ db: tx, keyring, actor: { orgId } });

  /** A moment on the day of `ms`, in office and evening hours (07–21 UTC: the same date in Amsterdam). */
  const daytime = (ms: number) => {
    const day = Math.floor(ms / DAY) * DAY;
    return day + between(rnd, 7, 20) * HOUR + between(rnd, 0, 3_599_999);
  };

  const newCaller = async (at: number, language: string, place: string): Promise<Caller> => {
    const id = nextId();
    const phoneLocal = rnd() < 0.7 ? `06${String(10_000_000 + Math.floor(rnd() * 89_999_999))}` : null;
    const e164 = phoneLocal ? `+316${phoneLocal.slice(2)}` : null;
    const alias = pick(rnd, v.ALIASES);
    push('callers', {
      id,
      org_id: orgId,
      alias_enc: await seal('callers', 'alias', id, alias),
      alias_hmac: await aliasIndex(ctxFor(), alias),
      phone_enc: e164 ? await seal('callers', 'phone', id, e164) : null,
      phone_hmac: e164 ? await phoneIndex(ctxFor(), e164) : null,
      language,
      municipality: place,
      created_at: new Date(at),
    });
    const c = { id, phone: phoneLocal };
    callers.push(c);
    if (phoneLocal) withPhone.push(c);
    return c;
  };

  /** The caller of a new contact: mostly new, sometimes someone who called before (found by phone). */
  const callerFor = async (at: number, language: string, place: string): Promise<Caller> => {
    if (withPhone.length > 20 && rnd() < 0.15) {
      const c = pick(rnd, withPhone);
      repeatCallerPhone ??= c.phone;
      return c;
    }
    return newCaller(at, language, place);
  };

  const contactRow = async (c: {
    id: string;
    at: number;
    caller: Caller;
    caseId: string | null;
    outcome: 'info_only' | 'open_case' | 'link_case';
    channel: string;
    language: string;
    categoryId: string;
    relationId: string | null;
    summary: string;
    danger: boolean;
    takenBy: string;
    subject: { alias: string; ageBand: string; status: string | null };
    observed: boolean;
  }) => {
    const safeTimes = rnd() < 0.3 ? pick(rnd, v.SAFE_TIMES) : '';
    const duration = c.channel === 'phone' || c.channel === 'walk_in' ? between(rnd, 4, 55) : null;
    push('contacts', {
      id: c.id,
      org_id: orgId,
      request_id: nextId(),
      caller_id: c.caller.id,
      case_id: c.caseId,
      channel: c.channel,
      language: c.language,
      category_id: c.categoryId,
      relation_id: c.relationId,
      summary_enc: await seal('contacts', 'summary', c.id, c.summary),
      immediate_danger: c.danger,
      may_call_back: rnd() < 0.8,
      may_leave_message: rnd() < 0.3,
      safe_times_enc: safeTimes ? await seal('contacts', 'safe_times', c.id, safeTimes) : null,
      safe_channel: rnd() < 0.2 ? 'whatsapp' : null,
      confidentiality_explained: true,
      duration_minutes: duration,
      outcome: c.outcome,
      subject_alias_enc: c.subject.alias
        ? await seal('contacts', 'subject_alias', c.id, c.subject.alias)
        : null,
      subject_age_band: c.subject.ageBand,
      subject_status: c.subject.status,
      taken_by: c.takenBy,
      occurred_at: new Date(c.at),
      created_at: new Date(c.at),
    });
    log(
      c.at,
      c.takenBy,
      'contact.create',
      'contact',
      c.id,
      [
        'channel',
        'category_id',
        'summary',
        'callback',
        'subject',
        ...(c.observed ? ['observations'] : []),
        ...(c.caller.phone ? ['phone'] : []),
      ],
      { outcome: c.outcome, immediateDanger: c.danger },
    );
    return duration;
  };

  /** The intake call as the first entry of the case's contact log (as intake does). */
  const intakeLog = async (
    caseId: string,
    contactId: string,
    at: number,
    channel: string,
    duration: number | null,
    by: string,
  ) => {
    const id = nextId();
    push('case_log', {
      id,
      org_id: orgId,
      case_id: caseId,
      request_id: contactId,
      occurred_at: new Date(at),
      channel,
      duration_minutes: duration,
      with_whom_enc: null,
      note_enc: await seal('case_log', 'note', id, ''),
      author_id: by,
      contact_id: contactId,
      created_at: new Date(at),
    });
    log(at, by, 'case.log_add', 'case_log', id, ['occurred_at', 'channel', 'duration_minutes'], {
      caseId,
      contactId,
    });
  };

  const infoContact = async (at: number) => {
    const language = v.conversationLanguage(rnd);
    const place = municipality(rnd);
    const caller = await callerFor(at, language, place);
    await contactRow({
      id: nextId(),
      at,
      caller,
      caseId: null,
      outcome: 'info_only',
      channel: v.contactChannel(rnd),
      language,
      categoryId: category(rnd).id,
      relationId: rnd() < 0.8 ? pick(rnd, world.relations) : null,
      summary: pick(rnd, v.SUMMARIES),
      danger: false,
      takenBy: pick(rnd, world.coordinators),
      subject: { alias: '', ageBand: rnd() < 0.5 ? v.ageBand(rnd) : 'unknown', status: null },
      observed: false,
    });
  };

  /** A contact that opens a case, and the case's story from then on (as far as it has happened by now). */
  const openCase = async (t0: number, followUps: number) => {
    const language = v.conversationLanguage(rnd);
    const place = municipality(rnd);
    const caller = await callerFor(t0, language, place);
    const coordinator = pick(rnd, world.coordinators);
    const danger = rnd() < 0.03;
    const cat = category(rnd);
    const relationId = pick(rnd, world.relations);
    const summary = pick(rnd, v.SUMMARIES);
    const channel = v.contactChannel(rnd);
    const caseId = nextId();
    const contactId = nextId();
    const year = new Date(t0).getUTCFullYear();
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const reference = `${year}-${String(n).padStart(4, '0')}`;
    const ticked =
      rnd() < 0.35 ? Array.from({ length: between(rnd, 1, 3) }, () => pick(rnd, world.signals)) : [];
    const uniqueTicked = [...new Map(ticked.map((x) => [x.id, x])).values()];
    const subject = {
      alias: rnd() < 0.7 ? `${pick(rnd, v.SUBJECT_ALIASES)} (${between(rnd, 12, 24)})` : '',
      ageBand: v.ageBand(rnd),
      status: rnd() < 0.5 ? v.subjectStatus(rnd) : null,
    };

    // The case's story, decided up front; only what happened before now is written.
    let state: CaseState = 'intake';
    let counsellorId: string | null = null;
    let level: 'light' | 'moderate' | 'intensive' | null = null;
    let closedAt: number | null = null;
    let closureId: string | null = null;
    let handover: { municipality: string; on: string } | null = null;
    let last = t0;
    const happened = (at: number) => at <= now;
    const touch = (at: number) => {
      if (at > last) last = at;
    };
    const transition = (at: number, to: typeof state, extra: string[] = []) => {
      log(at, coordinator, 'case.transition', 'case', caseId, ['state', ...extra], { from: state, to });
      state = to;
      touch(at);
    };
    const later: (() => Promise<void>)[] = [];

    // Intake: the case, the contact, the log entry, what intake carried to the case.
    log(t0, coordinator, 'case.create', 'case', caseId, ['state', 'category_id', 'summary', 'urgent'], {
      urgent: danger,
    });
    const duration = await contactRow({
      id: contactId,
      at: t0,
      caller,
      caseId,
      outcome: 'open_case',
      channel,
      language,
      categoryId: cat.id,
      relationId,
      summary,
      danger,
      takenBy: coordinator,
      subject,
      observed: uniqueTicked.length > 0,
    });
    for (const x of uniqueTicked)
      push('contact_observations', {
        id: nextId(),
        org_id: orgId,
        contact_id: contactId,
        kind: x.kind,
        term_id: x.id,
        created_at: new Date(t0),
      });
    await intakeLog(caseId, contactId, t0, channel, duration, coordinator);
    for (const x of uniqueTicked) {
      const id = nextId();
      push('case_observations', {
        id,
        org_id: orgId,
        case_id: caseId,
        kind: x.kind,
        term_id: x.id,
        observed_on: isoDay(t0),
        text_enc: await seal('case_observations', 'text', id, x.label),
        recorded_by: coordinator,
        created_at: new Date(t0),
      });
      log(
        t0,
        coordinator,
        'case.observation_add',
        'case_observation',
        id,
        ['kind', 'term_id', 'observed_on', 'text'],
        { caseId },
      );
    }
    let subjectId: string | null = null;
    if (subject.alias || subject.ageBand !== 'unknown' || subject.status) {
      subjectId = nextId();
      push('case_subjects', {
        id: subjectId,
        org_id: orgId,
        case_id: caseId,
        alias_enc: await seal('case_subjects', 'alias', subjectId, subject.alias || '—'),
        relation_id: relationId,
        age_band: subject.ageBand,
        gender: 'unknown',
        municipality: place,
        created_at: new Date(t0),
      });
      log(
        t0,
        coordinator,
        'case.subject_add',
        'case_subject',
        subjectId,
        ['alias', 'relation_id', 'age_band', 'municipality'],
        { caseId },
      );
      if (subject.status) {
        const id = nextId();
        push('subject_status_events', {
          id,
          org_id: orgId,
          case_id: caseId,
          subject_id: subjectId,
          status: subject.status,
          occurred_on: isoDay(t0),
          note_enc: null,
          recorded_by: coordinator,
          created_at: new Date(t0),
        });
        log(t0, coordinator, 'case.status_add', 'subject_status_event', id, ['status', 'occurred_on'], {
          caseId,
        });
      }
    }

    let end = now;
    if (rnd() < 0.06) {
      // Out of scope: closed at intake.
      const at = daytime(t0 + between(rnd, 0, 4) * DAY + HOUR);
      if (happened(at) && at > t0) {
        closureId = world.closures.find((c) => c.code === 'out_of_scope')?.id ?? pick(rnd, world.closures).id;
        closedAt = at;
        transition(at, 'closed', ['closure_id']);
        end = at;
      }
    } else {
      const toMatching = t0 + between(rnd, 1, 48) * HOUR;
      const assignAt = daytime(toMatching + between(rnd, 1, 21) * DAY);
      const activeDays = between(rnd, 30, 420);
      const closeAt = daytime(assignAt + activeDays * DAY);
      if (happened(toMatching)) transition(toMatching, 'matching');
      if (happened(assignAt) && world.counsellors.length) {
        counsellorId = pick(rnd, world.counsellors);
        log(assignAt, coordinator, 'case.assign', 'case', caseId, ['counsellor_id', 'state'], {
          from: null,
          to: counsellorId,
        });
        state = 'active';
        touch(assignAt);
        const c = counsellorId;
        const levelAt = daytime(assignAt + between(rnd, 1, 14) * DAY);
        const chosenLevel = v.supportLevel(rnd);
        if (happened(levelAt)) {
          level = chosenLevel;
          log(levelAt, c, 'case.update', 'case', caseId, ['support_level']);
          touch(levelAt);
        }
        const storyEnd = Math.min(closeAt, now);
        // Conversations with the family.
        const talks = between(rnd, 1, 10);
        for (let k = 0; k < talks; k++) {
          const at = daytime(assignAt + rnd() * (closeAt - assignAt));
          if (!happened(at)) continue;
          const id = nextId();
          const withWhom =
            rnd() < 0.3 ? pick(rnd, ['Moeder', 'Vader', 'Beide ouders', 'Broer', 'Mentor']) : '';
          const note = pick(rnd, v.LOG_NOTES);
          const ch = v.logChannel(rnd);
          later.push(async () => {
            push('case_log', {
              id,
              org_id: orgId,
              case_id: caseId,
              request_id: nextId(),
              occurred_at: new Date(at),
              channel: ch,
              duration_minutes: between(rnd, 10, 90),
              with_whom_enc: withWhom ? await seal('case_log', 'with_whom', id, withWhom) : null,
              note_enc: await seal('case_log', 'note', id, note),
              author_id: c,
              contact_id: null,
              created_at: new Date(at),
            });
          });
          log(
            at,
            c,
            'case.log_add',
            'case_log',
            id,
            ['occurred_at', 'channel', 'duration_minutes', ...(withWhom ? ['with_whom'] : []), 'note'],
            { caseId },
          );
          touch(at);
        }
        // Interventions.
        const interventions = world.interventions.filter((i) => i.code !== 'I8' && i.code !== 'I9');
        for (let k = between(rnd, 1, 3); k > 0; k--) {
          const at = daytime(assignAt + rnd() * (closeAt - assignAt));
          if (!happened(at) || interventions.length === 0) continue;
          const id = nextId();
          const term = pick(rnd, interventions);
          const note = pick(rnd, v.INTERVENTION_NOTES);
          later.push(async () => {
            push('case_interventions', {
              id,
              org_id: orgId,
              case_id: caseId,
              intervention_id: term.id,
              occurred_on: isoDay(at),
              note_enc: note ? await seal('case_interventions', 'note', id, note) : null,
              recorded_by: c,
              created_at: new Date(at),
            });
          });
          log(at, c, 'case.intervention_add', 'case_intervention', id, ['intervention_id', 'occurred_on'], {
            caseId,
          });
          touch(at);
        }
        // A later status of the person of concern.
        if (subjectId && rnd() < 0.2) {
          const at = daytime(assignAt + rnd() * (closeAt - assignAt));
          if (happened(at)) {
            const id = nextId();
            const sid = subjectId;
            const status = v.subjectStatus(rnd);
            later.push(async () => {
              push('subject_status_events', {
                id,
                org_id: orgId,
                case_id: caseId,
                subject_id: sid,
                status,
                occurred_on: isoDay(at),
                note_enc: await seal('subject_status_events', 'note', id, 'Volgens de familie'),
                recorded_by: c,
                created_at: new Date(at),
              });
            });
            log(at, c, 'case.status_add', 'subject_status_event', id, ['status', 'occurred_on', 'note'], {
              caseId,
            });
            touch(at);
          }
        }
        // Consent, and a referral sent under it.
        const consentAt = daytime(assignAt + between(rnd, 3, 30) * DAY);
        if (carePartners.length && rnd() < 0.35 && happened(consentAt) && consentAt < storyEnd) {
          const consentId = nextId();
          const partner = pick(rnd, carePartners);
          const categories = [
            'concern_summary',
            'support_history',
            ...(rnd() < 0.5 ? ['contact_details'] : []),
          ];
          const givenOn = isoDay(consentAt);
          const until = new Date(consentAt);
          until.setUTCMonth(until.getUTCMonth() + 12);
          const validUntil = isoDay(until.getTime());
          const givenBy = caller.phone ? pick(rnd, v.ALIASES) : 'Beller';
          later.push(async () => {
            push('consents', {
              id: consentId,
              org_id: orgId,
              case_id: caseId,
              given_by_enc: await seal('consents', 'given_by', consentId, givenBy),
              categories,
              partner_id: partner.id,
              partner_type: null,
              purpose: 'care_referral',
              purpose_note_enc: null,
              method: 'signature_drawn',
              language: 'nl',
              given_on: givenOn,
              valid_until: validUntil,
              written_on: givenOn,
              written_due_on: null,
              typed_name_enc: null,
              drawn_signature_enc: await keyring.encryptBytes(
                tx,
                orgId,
                { table: 'consents', column: 'drawn_signature', id: consentId },
                SIGNATURE_PNG,
              ),
              withdrawn_on: null,
              withdrawn_at: null,
              withdrawal_note_enc: null,
              recorded_by: c,
              created_at: new Date(consentAt),
              typed_present_enc: null,
              typed_device_enc: null,
              typed_shown_text_enc: null,
              typed_shown_sha256: null,
              typed_signed_at: null,
              typed_signed_by: null,
              typed_confirmed_by: null,
              typed_confirmed_at: null,
            });
          });
          log(
            consentAt,
            c,
            'consent.record',
            'consent',
            consentId,
            ['given_by', 'categories', 'partner', 'purpose', 'method', 'given_on', 'valid_until'],
            { caseId, method: 'signature_drawn', purpose: 'care_referral', categories: categories.join(',') },
          );
          touch(consentAt);
          const proposeAt = consentAt + between(rnd, 1, 48) * HOUR;
          const sendAt = proposeAt + between(rnd, 1, 72) * HOUR;
          if (rnd() < 0.7 && happened(proposeAt) && isoDay(sendAt) <= validUntil) {
            const referralId = nextId();
            const sent = happened(sendAt);
            const answerAt = sendAt + between(rnd, 2, 20) * DAY;
            const answer = sent && happened(answerAt) ? (rnd() < 0.8 ? 'accepted' : 'declined') : null;
            const status = answer ?? (sent ? 'sent' : 'proposed');
            const disclosureId = nextId();
            const i8 = world.interventions.find((i) => i.code === 'I8');
            const i8Id = nextId();
            later.push(async () => {
              push('referrals', {
                id: referralId,
                org_id: orgId,
                case_id: caseId,
                partner_id: partner.id,
                purpose: 'care_referral',
                categories,
                note_enc: await seal(
                  'referrals',
                  'note',
                  referralId,
                  'Familie wil graag begeleiding dichtbij huis.',
                ),
                status,
                channel: sent ? 'secure_email' : null,
                consent_id: sent ? consentId : null,
                created_by: c,
                created_at: new Date(proposeAt),
                sent_at: sent ? new Date(sendAt) : null,
                sent_by: sent ? c : null,
                closed_at: answer === 'declined' ? new Date(answerAt) : null,
                cancel_reason_enc: null,
                cancel_cause: null,
                response_note_enc: null,
              });
              if (!sent) return;
              push('disclosures', {
                id: disclosureId,
                org_id: orgId,
                case_id: caseId,
                kind: 'referral',
                referral_id: referralId,
                meeting_id: null,
                emergency_id: null,
                partner_id: partner.id,
                recipient: partner.name,
                purpose: 'care_referral',
                categories,
                channel: 'secure_email',
                consent_id: consentId,
                disclosed_by: c,
                disclosed_on: isoDay(sendAt),
                disclosed_at: new Date(sendAt),
              });
              if (i8)
                push('case_interventions', {
                  id: i8Id,
                  org_id: orgId,
                  case_id: caseId,
                  intervention_id: i8.id,
                  occurred_on: isoDay(sendAt),
                  note_enc: null,
                  recorded_by: c,
                  created_at: new Date(sendAt),
                });
            });
            log(
              proposeAt,
              c,
              'referral.propose',
              'referral',
              referralId,
              ['partner_id', 'purpose', 'categories', 'note'],
              { caseId },
            );
            touch(proposeAt);
            if (sent) {
              log(
                sendAt,
                c,
                'disclosure.record',
                'disclosure',
                disclosureId,
                ['categories', 'recipient', 'channel'],
                {
                  caseId,
                  kind: 'referral',
                  categories: categories.join(','),
                  channel: 'secure_email',
                },
              );
              if (i8)
                log(
                  sendAt,
                  c,
                  'case.intervention_add',
                  'case_intervention',
                  i8Id,
                  ['intervention_id', 'occurred_on'],
                  {
                    caseId,
                    cause: 'referral_sent',
                  },
                );
              log(sendAt, c, 'referral.send', 'referral', referralId, ['status', 'channel', 'consent_id'], {
                caseId,
                channel: 'secure_email',
              });
              touch(sendAt);
            }
            if (answer) {
              log(answerAt, c, `referral.${answer}`, 'referral', referralId, ['status'], { caseId });
              touch(answerAt);
            }
          }
        }
        // Closing: through aftercare (its check-ins as tasks), or straight to closed.
        if (happened(closeAt) && level) {
          const closures = world.closures.filter(
            (x) => x.code !== 'out_of_scope' && x.code !== 'handover_municipality',
          );
          const handoverTerm = world.closures.find((x) => x.code === 'handover_municipality');
          if (rnd() < 0.6 && closures.length) {
            closureId = pick(rnd, closures).id;
            closedAt = closeAt;
            transition(closeAt, 'aftercare', ['closure_id']);
            const days = DEFAULT_AFTERCARE[level];
            log(closeAt, coordinator, 'case.aftercare_scheduled', 'case', caseId, [], {
              level,
              checks: days.length,
            });
            const closedOn = isoDay(closeAt);
            for (const [i, offset] of days.entries()) {
              const id = nextId();
              const due = Date.parse(`${closedOn}T00:00:00Z`) + offset * DAY;
              const doneAt = due + 10 * HOUR + between(rnd, 0, 3_600_000);
              const done = happened(doneAt);
              later.push(async () => {
                push('tasks', {
                  id,
                  org_id: orgId,
                  case_id: caseId,
                  kind: 'aftercare',
                  title_enc: await seal('tasks', 'title', id, `${i + 1}/${days.length}`),
                  due_on: isoDay(due),
                  assignee_id: c,
                  ref_id: null,
                  done_at: done ? new Date(doneAt) : null,
                  cancelled_at: null,
                  created_by: coordinator,
                  created_at: new Date(closeAt),
                });
              });
              if (done) log(doneAt, c, 'case.task_done', 'task', id, ['done_at']);
            }
            const finalAt = daytime(
              Date.parse(`${closedOn}T00:00:00Z`) + (days.at(-1)! + between(rnd, 1, 10)) * DAY,
            );
            if (happened(finalAt)) transition(finalAt, 'closed');
          } else {
            const isHandover = handoverTerm && rnd() < 0.1;
            closureId = isHandover
              ? handoverTerm.id
              : pick(rnd, closures.length ? closures : world.closures).id;
            closedAt = closeAt;
            if (isHandover) handover = { municipality: place, on: isoDay(closeAt) };
            transition(closeAt, 'closed', [
              'closure_id',
              ...(isHandover ? ['handover_municipality', 'handover_on'] : []),
            ]);
          }
          end = closeAt;
        }
      }
    }

    // Follow-up calls from the same caller, linked to the case while it runs.
    const linkEnd = Math.min(end, now);
    let linked = 0;
    for (let k = 0; k < followUps; k++) {
      if (linkEnd - t0 < 2 * DAY) break;
      const at = daytime(t0 + DAY + rnd() * (linkEnd - t0 - DAY));
      if (at <= t0 || at > now) continue;
      const id = nextId();
      const ch = v.contactChannel(rnd);
      const by = pick(rnd, world.coordinators);
      const d = await contactRow({
        id,
        at,
        caller,
        caseId,
        outcome: 'link_case',
        channel: ch,
        language,
        categoryId: cat.id,
        relationId,
        summary: pick(rnd, v.SUMMARIES),
        danger: false,
        takenBy: by,
        subject: { alias: '', ageBand: 'unknown', status: null },
        observed: false,
      });
      await intakeLog(caseId, id, at, ch, d, by);
      touch(at);
      linked += 1;
    }

    // The case row as it stands now; its parts follow it in the chunk.
    const finalState = state as CaseState;
    const isClosed = finalState === 'closed' || finalState === 'aftercare';
    push('cases', {
      id: caseId,
      org_id: orgId,
      reference,
      state,
      urgent: danger,
      category_id: cat.id,
      caller_id: caller.id,
      coordinator_id: coordinator,
      counsellor_id: counsellorId,
      support_level: level,
      municipality: place,
      summary_enc: await seal('cases', 'summary', caseId, summary),
      opened_at: new Date(t0),
      closed_at: isClosed ? new Date(closedAt!) : null,
      closure_id: isClosed ? closureId : null,
      handover_municipality: handover?.municipality ?? null,
      handover_on: handover?.on ?? null,
      pref_gender: rnd() < 0.3 ? 'female' : null,
      pref_background_enc: null,
      pref_language: rnd() < 0.2 ? language : null,
      last_activity_at: new Date(last),
      updated_at: new Date(last),
    });
    for (const f of later) await f();
    return 1 + linked;
  };

  // Contacts are spread evenly over the history, then shaped to the hours people call.
  const span = now - start;
  const CHUNK = 4000;
  let made = 0;
  const cases = { n: 0 };
  // The share of new contacts that open a case, so that about one contact in five has its own case
  // once follow-up calls (on average half a call per case) are counted.
  const Q_OPEN = 0.2 / 0.9;
  while (made < total) {
    const chunkEnd = Math.min(total, made + CHUNK);
    let lastAt = start;
    await inOrg(deps.db, orgId, async (trx) => {
      tx = trx;
      rows = new Map();
      // Generated data can be made again: no need to wait for each chunk's commit to reach the disk.
      await sql`set local synchronous_commit = off`.execute(trx);
      while (made < chunkEnd) {
        // A contact of today cannot be later than now; what follows it may be (and is then not written).
        const at = Math.min(daytime(start + (span * (made + rnd())) / total), now - between(rnd, 1, 600_000));
        if (at > lastAt) lastAt = at;
        if (rnd() < Q_OPEN) {
          const followUps = Math.min(geometric(rnd, 0.5), total - made - 1);
          made += await openCase(at, followUps);
          cases.n += 1;
        } else {
          await infoContact(at);
          made += 1;
        }
      }
      for (const table of TABLE_ORDER) await insertMany(trx, table, rows.get(table) ?? [], opts.dialect);
      // The audit entries whose moment has come, in time order.
      // Later chunks only add moments from the last contact's day on, so everything before it is final.
      const horizon = made >= total ? Infinity : Math.floor(lastAt / DAY) * DAY;
      pending.sort((a, b) => a.at - b.at || a.order - b.order);
      let cut = 0;
      while (cut < pending.length && pending[cut]!.at <= horizon) cut++;
      await appendAudit(deps, trx, orgId, pending.splice(0, cut), opts.dialect);
      counts.audit_log = (counts.audit_log ?? 0) + cut;
    });
    opts.log?.(`  ${orgId.slice(0, 8)}: ${made}/${total} contacts`);
  }
  await inOrg(deps.db, orgId, async (trx) => {
    for (const [year, n] of counters)
      await trx
        .insertInto('case_counters')
        .values({ org_id: orgId, year, n })
        .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ n }))
        .execute();
  });
  return { counts, repeatCallerPhone };
}

/**
 * Fills the database: `orgs` organisations sharing `contacts` contacts (a few large helplines and a tail of
 * small ones) and `counsellors` counsellors in proportion.
 */
/** How many contacts each organisation gets: a few large helplines and a tail of small ones. */
export function contactsPerOrg(contacts: number, orgs: number): number[] {
  return apportion(contacts, zipfWeights(orgs, 0.6));
}

/** Splits the organisations over `parts` processes, largest first onto the least loaded (same for a seed). */
export function shareOut(contacts: number, orgs: number, parts: number): number[][] {
  const sizes = contactsPerOrg(contacts, orgs);
  const shares = Array.from({ length: parts }, () => ({ load: 0, orgs: [] as number[] }));
  for (const i of sizes.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b)) {
    const least = shares.reduce((m, s) => (s.load < m.load ? s : m));
    least.load += sizes[i]!;
    least.orgs.push(i);
  }
  return shares.map((s) => s.orgs).filter((o) => o.length > 0);
}

export async function seed(deps: Deps, opts: SeedOptions): Promise<SeededOrg[]> {
  const now = opts.now.getTime();
  const start = now - Math.round(opts.years * 365 * DAY);
  const contactsPer = contactsPerOrg(opts.contacts, opts.orgs);
  const counsellorsPer = apportion(opts.counsellors, zipfWeights(opts.orgs, 0.6));
  const todo = opts.only ?? Array.from({ length: opts.orgs }, (_, i) => i);
  const out: SeededOrg[] = [];
  // Each organisation has its own random stream, so running several at once changes nothing in what is made.
  let next = 0;
  const worker = async () => {
    for (let k = next++; k < todo.length; k = next++) out[k] = await seedOrganisation(todo[k]!);
  };
  const seedOrganisation = async (i: number): Promise<SeededOrg> => {
    const rnd = prng(subSeed(opts.seed, i));
    const name = opts.orgNames?.[i] ?? orgName(i);
    const created = new Date(start - between(rnd, 10, 60) * DAY);
    opts.log?.(`${name}: ${contactsPer[i]} contacts, ${counsellorsPer[i]} counsellors`);
    const { orgId, staff } = await createOrganisation(deps, {
      name,
      at: created,
      contacts: contactsPer[i]!,
      passwordHash: opts.passwordHash,
      demo: opts.demo ?? false,
      onePerRole: opts.onePerRole ?? false,
      rnd,
    });
    const admin = staff.find((s) => s.role === 'admin')!;
    const adminActor: Actor = { kind: 'user', userId: admin.userId, orgId, role: 'admin', sessionId: '' };
    if (counsellorsPer[i]! > 0) {
      await generateCounsellors(
        { ...deps, clock: fixedClock(opts.now) },
        adminActor,
        counsellorsPer[i]!,
        subSeed(opts.seed, 1000 + i),
      );
      // Their accounts, in the chain as the admin's creation of them, with names instead of numbers.
      await inOrg(deps.db, orgId, async (trx) => {
        await sql`update users u set display_name =
            (${FIRST_NAMES}::text[])[1 + (r.k % ${FIRST_NAMES.length})] || ' ' ||
            (${LAST_NAMES}::text[])[1 + ((r.k / ${FIRST_NAMES.length}) % ${LAST_NAMES.length})]
          from (select id, (row_number() over (order by email))::int - 1 as k from users where role = 'counsellor') r
          where u.id = r.id`.execute(trx);
        const ids = await trx
          .selectFrom('users')
          .select('id')
          .where('role', '=', 'counsellor')
          .orderBy('email')
          .execute();
        await appendAudit(
          deps,
          trx,
          orgId,
          ids.map((u, k) => ({
            at: start,
            order: k,
            actorId: admin.userId,
            action: 'user.create',
            entity: 'user',
            entityId: u.id,
            changedFields: ['email', 'display_name', 'role'],
            details: { role: 'counsellor' },
          })),
          opts.dialect,
        );
      });
    }
    const world = await loadWorld(deps, orgId);
    const { counts, repeatCallerPhone } = await generateTraffic(deps, world, {
      total: contactsPer[i]!,
      start,
      now,
      rnd,
      dialect: opts.dialect,
      ...(opts.log ? { log: opts.log } : {}),
    });
    return { orgId, name, staff, counts, repeatCallerPhone };
  };
  const jobs = opts.dialect === 'postgres' ? Math.max(1, opts.jobs ?? 2) : 1;
  await Promise.all(Array.from({ length: Math.min(jobs, todo.length) }, worker));
  return out;
}
