import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from '../../lib/mailer.js';
import { testKinds } from '../../test/databases.js';
import { openCase, terms } from '../../test/cases-fixtures.js';
import { makeEligible } from '../../test/counsellor-fixtures.js';
import { createTestApp, inviteAndActivate, setupOrganisation, type TestApp } from '../../test/harness.js';
import { jobHandlers } from '../jobs/handlers.js';
import { runDueJobs } from '../jobs/jobs.service.js';

const kinds = await testKinds();

describe.each(kinds)('e-mail notices on %s', (kind) => {
  let t: TestApp;
  let smtp: SMTPServer;
  const received: { to: string; raw: string }[] = [];

  beforeAll(async () => {
    // A real SMTP server on loopback that keeps what it receives.
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (d: Buffer) => (raw += d.toString()));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestApp(kind, { PUBLIC_URL: 'https://hulplijn.example.org' });
    const mailer = createMailer({
      smtpUrl: `smtp://127.0.0.1:${port}`,
      smtpFrom: 'Confidant <no-reply@hulplijn.example.org>',
    })!;
    t.deps.mailer = mailer;
    t.deps.config = { ...t.deps.config, publicUrl: 'https://hulplijn.example.org' };
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('tells a counsellor of a new offer by e-mail, with a link and no case content', async () => {
    const admin = await setupOrganisation(t);
    const coord = await inviteAndActivate(t, admin.agent, 'coordinator');
    const couns = await inviteAndActivate(t, admin.agent, 'counsellor', 'vp.mail@noord.example');
    await makeEligible(t, coord.agent, couns.userId);
    const tx = await terms(coord.agent);
    const { caseId, reference } = await openCase(coord.agent, tx, {
      callerAlias: 'Umm Nour',
      summary: 'Zoon spreekt over vertrek naar Syrië',
      municipality: 'Utrecht',
    });
    expect(
      (await coord.agent.post(`/api/cases/${caseId}/offers`, { counsellorId: couns.userId })).statusCode,
    ).toBe(201);
    while ((await runDueJobs(t.deps, jobHandlers, 'mail')) > 0) {
      /* drain */
    }
    const mail = received.find((m) => m.to === 'vp.mail@noord.example');
    expect(mail).toBeDefined();
    expect(mail!.raw).toContain('https://hulplijn.example.org');
    expect(mail!.raw).toMatch(/Subject: Confidant: er is een casus voor u/);
    for (const secret of ['Umm Nour', 'Syri', 'Utrecht', reference, caseId])
      expect(mail!.raw).not.toContain(secret);
  });
});
