import { Writable } from 'node:stream';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import {
  HIGHLIGHT_START,
  HIGHLIGHT_STOP,
  KNOWLEDGE_CATEGORIES,
  type KnowledgeArticle,
  type KnowledgeDiff,
  type KnowledgeList,
  type KnowledgeSearchResults,
  type KnowledgeVersionList,
} from '../../../shared/knowledge.schema.js';
import { ROLES, type Role } from '../../../shared/roles.js';
import { testKinds } from '../../test/databases.js';
import {
  Agent,
  createTestApp,
  inviteAndActivate,
  setupOrganisation,
  type SignedIn,
  type TestApp,
} from '../../test/harness.js';
import { seedKnowledge } from './knowledge.seed.js';

const kinds = await testKinds();

describe.each(kinds)('knowledge base on %s', (kind) => {
  let t: TestApp;
  const by = {} as Record<Role, SignedIn>;
  let otherAdmin: SignedIn;
  let orgId: string;
  let list: KnowledgeList;
  const slugId: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(kind);
    by.admin = await setupOrganisation(t);
    for (const role of ROLES.filter((r) => r !== 'admin'))
      by[role] = await inviteAndActivate(t, by.admin.agent, role);
    orgId = (await by.admin.agent.get('/api/auth/session')).json<{ organisation: { id: string } }>()
      .organisation.id;
    await t.asOwner((db) => sql`delete from installation`.execute(db));
    otherAdmin = await setupOrganisation(t, 'Steunpunt Zuid', 'admin@zuid.example');
    list = (await by.counsellor.agent.get('/api/knowledge/articles?language=ar')).json<KnowledgeList>();
    const rows = await t.asOwner((db) =>
      db.selectFrom('knowledge_articles').select(['id', 'slug']).where('org_id', '=', orgId).execute(),
    );
    for (const r of rows) slugId[r.slug ?? ''] = r.id;
  });
  afterAll(() => t.close());

  const a = (role: Role) => by[role].agent;
  const search = async (agent: Agent, term: string, language = 'nl') => {
    const res = await agent.post('/api/knowledge/search', { term, language });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<KnowledgeSearchResults>().items;
  };

  it('seeds a starter handbook at set-up: every chapter, Arabic where written, Dutch as the fallback', async () => {
    expect(new Set(list.items.map((i) => i.category))).toEqual(new Set(KNOWLEDGE_CATEGORIES));
    expect(list.canEdit).toBe(false);
    const method = list.items.find((i) => i.id === slugId.method)!;
    expect(method).toMatchObject({ language: 'ar', languages: ['nl', 'en', 'ar', 'tr'] });
    const legal = list.items.find((i) => i.id === slugId['legal-framework'])!;
    expect(legal).toMatchObject({
      language: 'nl',
      languages: ['nl', 'en'],
      title: 'Juridisch kader in het kort',
    });

    const fallback = (
      await a('counsellor').get(`/api/knowledge/articles/${slugId['legal-framework']}?language=tr`)
    ).json<KnowledgeArticle>();
    expect(fallback).toMatchObject({ language: 'nl', requested: 'tr', version: 1, savedBy: null });
    const consent = (
      await a('counsellor').get(`/api/knowledge/articles/${slugId['consent-privacy']}?language=tr`)
    ).json<KnowledgeArticle>();
    expect(consent).toMatchObject({ language: 'tr', requested: 'tr', title: 'Onay ve gizlilik' });

    // Seeding again (the migration, a restart) adds nothing.
    await t.asOwner((db) => seedKnowledge(db as never, orgId, new Date()));
    const count = await t.asOwner((db) =>
      db
        .selectFrom('knowledge_versions')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('org_id', '=', orgId)
        .executeTakeFirstOrThrow(),
    );
    expect(Number(count.n)).toBe(8 * 2 + 3 * 2);
  });

  it('links articles to request categories, for the case page', async () => {
    const terms = (await a('coordinator').get('/api/taxonomies')).json<{
      items: { id: string; kind: string; code: string }[];
    }>();
    const c5 = terms.items.find((x) => x.kind === 'category' && x.code === 'C5')!;
    const linked = (
      await a('counsellor').get(`/api/knowledge/articles?language=nl&termId=${c5.id}`)
    ).json<KnowledgeList>();
    expect(linked.items.map((i) => i.id)).toEqual([slugId.bereavement]);

    // A coordinator links the returnees chapter to C5 as well: it shows on those cases too, audited.
    const returnees = slugId.returnees!;
    const before = (
      await a('coordinator').get(`/api/knowledge/articles/${returnees}`)
    ).json<KnowledgeArticle>().termIds;
    const patched = await a('coordinator').patch(`/api/knowledge/articles/${returnees}?language=en`, {
      termIds: [...before, c5.id],
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ language: 'en', title: 'When a relative returns' });
    const relinked = (
      await a('counsellor').get(`/api/knowledge/articles?language=nl&termId=${c5.id}`)
    ).json<KnowledgeList>();
    expect(relinked.items.map((i) => i.id).sort()).toEqual([slugId.bereavement, returnees].sort());
    const audit = (
      await a('privacy_officer').get(`/api/audit?entity=knowledge_article&entityId=${returnees}`)
    ).json<{ items: { action: string; changedFields: string[] }[] }>();
    expect(audit.items).toMatchObject([{ action: 'knowledge.update', changedFields: ['termIds'] }]);
  });

  it('lets everyone signed in read and search, admins and coordinators edit, nobody reach another organisation', async () => {
    const id = slugId.method!;
    const foreign = (await otherAdmin.agent.get('/api/knowledge/articles')).json<KnowledgeList>().items[0]!
      .id;
    for (const role of ROLES) {
      const agent = a(role);
      expect((await agent.get('/api/knowledge/articles')).statusCode, role).toBe(200);
      expect((await agent.get(`/api/knowledge/articles/${id}`)).statusCode, role).toBe(200);
      expect((await agent.get(`/api/knowledge/articles/${id}/versions?language=nl`)).statusCode, role).toBe(
        200,
      );
      expect((await agent.post('/api/knowledge/search', { term: 'toestemming' })).statusCode, role).toBe(200);
      const edit = role === 'admin' || role === 'coordinator';
      const save = await agent.post(`/api/knowledge/articles/${id}/versions`, {
        language: 'en',
        title: `Our method (${role})`,
        body: 'Listen first.',
      });
      expect(save.statusCode, role).toBe(edit ? 200 : 403);
      const create = await agent.post('/api/knowledge/articles', {
        category: 'method',
        language: 'nl',
        title: `Werkafspraak ${role}`,
        body: 'Bel terug binnen een dag.',
      });
      expect(create.statusCode, role).toBe(edit ? 201 : 403);
      expect(
        (await agent.patch(`/api/knowledge/articles/${id}`, { category: 'method' })).statusCode,
        role,
      ).toBe(edit ? 200 : 403);
      // Another organisation's article is not there, for reading or editing.
      expect((await agent.get(`/api/knowledge/articles/${foreign}`)).statusCode, role).toBe(404);
      expect((await agent.get(`/api/knowledge/articles/${foreign}/versions?language=nl`)).statusCode).toBe(
        404,
      );
      expect(
        (await agent.get(`/api/knowledge/articles/${foreign}/diff?language=nl&from=1&to=1`)).statusCode,
      ).toBe(404);
      const foreignSave = await agent.post(`/api/knowledge/articles/${foreign}/versions`, {
        language: 'nl',
        title: 'Overgenomen',
        body: 'Niet van jou.',
      });
      expect(foreignSave.statusCode, role).toBe(edit ? 404 : 403);
    }
    const ownList = (await a('analyst').get('/api/knowledge/articles')).json<KnowledgeList>();
    expect(ownList.items.map((i) => i.id)).not.toContain(foreign);
    const theirs = await search(otherAdmin.agent, 'Werkafspraak');
    expect(theirs).toEqual([]);
    expect((await a('analyst').get('/api/knowledge/articles/not-a-uuid')).statusCode).toBe(400);
    expect((await new Agent(t).get('/api/knowledge/articles')).statusCode).toBe(401);
  });

  it('keeps every save as a version with who and when, refuses a stale save, and shows what changed', async () => {
    const id = slugId['signals-protective-factors']!;
    const c = a('coordinator');
    const v1 = (await c.get(`/api/knowledge/articles/${id}?language=nl`)).json<KnowledgeArticle>();
    const body = v1.body.replace('Eén signaal zegt weinig', 'Eén signaal alleen zegt weinig');
    t.clock.advance(60_000);
    const saved = await c.post(`/api/knowledge/articles/${id}/versions`, {
      language: 'nl',
      title: 'Signalen en beschermende factoren in het gezin',
      body,
      baseVersion: 1,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 2, savedBy: 'Test coordinator', language: 'nl' });

    // Someone who began from version 1 cannot overwrite version 2 unseen; nothing is written.
    const stale = await a('admin').post(`/api/knowledge/articles/${id}/versions`, {
      language: 'nl',
      title: 'Oude titel',
      body: 'Oude tekst',
      baseVersion: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    // Saving the same text again makes no empty version.
    const same = await c.post(`/api/knowledge/articles/${id}/versions`, {
      language: 'nl',
      title: 'Signalen en beschermende factoren in het gezin',
      body,
    });
    expect(same.json<KnowledgeArticle>().version).toBe(2);

    const versions = (
      await a('counsellor').get(`/api/knowledge/articles/${id}/versions?language=nl`)
    ).json<KnowledgeVersionList>();
    expect(versions.items.map((v) => [v.version, v.savedBy])).toEqual([
      [2, 'Test coordinator'],
      [1, null],
    ]);
    expect(new Date(versions.items[0]!.savedAt).getTime()).toBe(t.clock.now().getTime());

    const diff = (
      await a('counsellor').get(`/api/knowledge/articles/${id}/diff?language=nl&from=1&to=2`)
    ).json<KnowledgeDiff>();
    expect(diff.title.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['in het gezin']);
    expect(diff.body.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['alleen']);
    expect(diff.body.filter((p) => p.kind === 'removed')).toEqual([]);
    expect(diff).toMatchObject({ added: 4, removed: 0, from: { version: 1 }, to: { version: 2 } });
    expect(diff.body.map((p) => (p.kind === 'removed' ? '' : p.text)).join('')).toBe(body);
    expect((await c.get(`/api/knowledge/articles/${id}/diff?language=nl&from=1&to=9`)).statusCode).toBe(404);

    const audit = (
      await a('privacy_officer').get(`/api/audit?entity=knowledge_article&entityId=${id}`)
    ).json<{ items: { action: string; changedFields: string[] }[] }>();
    expect(audit.items.map((i) => i.action)).toEqual(['knowledge.save']);
  });

  it('refuses unsafe links, foreign request categories and oversized text, and writes nothing', async () => {
    const id = slugId.bereavement!;
    const before = await t.asOwner((db) =>
      db.selectFrom('knowledge_versions').select('id').where('org_id', '=', orgId).execute(),
    );
    const hostile = await a('coordinator').post(`/api/knowledge/articles/${id}/versions`, {
      language: 'nl',
      title: 'Rouw',
      body: 'Zie [hier](javascript:alert(1)) en <script>alert(1)</script>',
    });
    expect(hostile.statusCode).toBe(400);
    expect(hostile.json()).toMatchObject({ errors: [{ field: 'body', reason: 'unsafe_link' }] });
    const otherTerms = (await otherAdmin.agent.get('/api/taxonomies')).json<{ items: { id: string }[] }>();
    const foreignTerm = await a('admin').post('/api/knowledge/articles', {
      category: 'bereavement',
      termIds: [otherTerms.items[0]!.id],
      language: 'nl',
      title: 'Rouw bij broers en zussen',
      body: 'Tekst',
    });
    expect(foreignTerm.statusCode).toBe(400);
    expect(foreignTerm.json()).toMatchObject({ errors: [{ field: 'termIds', reason: 'unknown_term' }] });
    const long = await a('admin').post(`/api/knowledge/articles/${id}/versions`, {
      language: 'xx',
      title: 'x'.repeat(161),
      body: '',
    });
    expect(long.statusCode).toBe(400);
    expect(
      long
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['body', 'language', 'title']);
    const huge = await a('admin').get(`/api/knowledge/articles/${id}/diff?language=nl&from=2147483648`);
    expect(huge.statusCode).toBe(400);
    expect(huge.json()).toMatchObject({ errors: [{ field: 'from' }] });
    const after = await t.asOwner((db) =>
      db.selectFrom('knowledge_versions').select('id').where('org_id', '=', orgId).execute(),
    );
    expect(after.length).toBe(before.length);
  });

  it('searches each language with its own dictionary: inflections found, matches highlighted, the reader’s language first', async () => {
    const c = a('counsellor');
    // Dutch: "gesprekken" and "gesprek" share the stem; the hit is highlighted in a plain-text snippet.
    const dutch = await search(c, 'gesprekken');
    const talking = dutch.find((h) => h.articleId === slugId['talking-with-child'] && h.language === 'nl')!;
    expect(talking.title).toBe('In gesprek met een kind dat radicaliseert');
    expect(talking.snippet).toContain(`${HIGHLIGHT_START}Gesprekken${HIGHLIGHT_STOP}`);
    expect(talking.snippet).not.toMatch(/[*#]/);
    // The Dutch snowball stemmer keeps "kinderen" (kinder) apart from "kind": it finds the plural only.
    const kinderen = await search(c, 'kinderen');
    expect(kinderen.map((h) => h.articleId)).toContain(slugId['talking-with-child']);
    expect(
      kinderen.every(
        (h) =>
          h.snippet.includes(`${HIGHLIGHT_START}kinderen`) ||
          h.snippet.includes(`${HIGHLIGHT_START}Kinderen`),
      ),
    ).toBe(true);
    // Arabic: "ابنك" (your son) finds "ابنه" (his son) and "ابنهم" (their son) through the stem ابن.
    const arabic = await search(c, 'ابنك', 'ar');
    expect(arabic.map((h) => `${h.articleId}:${h.language}`).sort()).toEqual(
      [`${slugId.method}:ar`, `${slugId['talking-with-child']}:ar`].sort(),
    );
    expect(arabic.every((h) => h.snippet.includes(HIGHLIGHT_START))).toBe(true);
    // Turkish: "çocuklar" (not in any text as such) finds "çocukla", "çocukların" through the stem çocuk.
    const turkish = await search(c, 'çocuklar', 'tr');
    expect(turkish.filter((h) => h.language === 'tr').map((h) => h.articleId)).toContain(
      slugId['talking-with-child'],
    );
    // A word in Dutch and English: the reader's language comes first.
    const nlFirst = await search(c, 'Confidant', 'nl');
    const enFirst = await search(c, 'Confidant', 'en');
    expect(nlFirst.map((h) => h.language)).toEqual(['nl', 'en']);
    expect(enFirst.map((h) => h.language)).toEqual(['en', 'nl']);
    // Web-search syntax is accepted, never an SQL or tsquery error.
    expect((await c.post('/api/knowledge/search', { term: '"acuut gevaar" -politie' })).statusCode).toBe(200);
    expect((await c.post('/api/knowledge/search', { term: "')& | !:*" })).statusCode).toBe(200);
    expect((await c.post('/api/knowledge/search', { term: '' })).statusCode).toBe(400);
  });

  it('never puts the search term in a URL, the request log, the access log or the audit log', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logApp = await buildApp(
      { ...t.deps, log: pino({ level: 'trace' }, sink) },
      { databaseKind: kind, web: false },
    );
    await logApp.ready();
    const term = 'terugkeerders detentie';
    try {
      const logged = new Agent({ ...t, app: logApp }, '10.9.9.9');
      logged.cookie = a('counsellor').cookie;
      logged.csrf = a('counsellor').csrf;
      expect((await logged.post('/api/knowledge/search', { term })).statusCode).toBe(200);
      const log = lines.join('\n');
      expect(log).toContain('/api/knowledge/search');
      for (const word of ['terugkeerders', 'detentie']) expect(log).not.toContain(word);
    } finally {
      await logApp.close();
    }
    expect((await a('counsellor').get(`/api/knowledge/search?term=detentie`)).statusCode).toBe(404);
    const stored = await t.asOwner(async (db) => ({
      access: await db.selectFrom('access_log').selectAll().where('org_id', '=', orgId).execute(),
      audit: await db.selectFrom('audit_log').selectAll().where('org_id', '=', orgId).execute(),
    }));
    const text = JSON.stringify(stored, (_k, v: unknown) =>
      v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v,
    );
    for (const word of ['terugkeerders', 'detentie']) expect(text).not.toContain(word);
  });
});
