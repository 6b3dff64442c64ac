import { randomUUID } from 'node:crypto';
import { type Kysely } from 'kysely';
import { inOrg, setOrg } from '../../src/server/db/database.js';
import type { Actor } from '../../src/server/lib/actor.js';
import type { Clock } from '../../src/server/lib/clock.js';
import type { Deps } from '../../src/server/lib/deps.js';
import { audit } from '../../src/server/modules/audit/audit.service.js';
import {
  claimInstallation,
  insertOrganisation,
} from '../../src/server/modules/organisations/organisations.repository.js';
import { createPartner } from '../../src/server/modules/partners/partners.service.js';
import { seedMunicipalities } from '../../src/server/modules/places/places.seed.js';
import { seedTaxonomies } from '../../src/server/modules/taxonomies/taxonomies.seed.js';
import type { Role } from '../../src/shared/roles.js';
import type { Rng } from './random.js';
import { pick } from './random.js';
import * as v from './vocabulary.js';
import type { SeededUser } from './generator.js';

/** The seeded organisations: their names, their staff, set up through the real services, and what traffic generation needs of them. */

export const fixedClock = (at: Date): Clock => ({ now: () => new Date(at.getTime()) });

export const FIRST_NAMES = [
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

export const LAST_NAMES = [
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
export async function createOrganisation(
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

export interface OrgWorld {
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

export async function loadWorld(deps: Deps, orgId: string): Promise<OrgWorld> {
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
