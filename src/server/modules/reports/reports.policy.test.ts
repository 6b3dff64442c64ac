import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import { canReport, type ReportAction } from './reports.policy.js';

// Written out by hand: a change to who may see reports must change this table too.
const EXPECTED: Record<ReportAction, Record<Role, boolean>> = {
  'report.view': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: true,
    privacy_officer: false,
  },
  'report.export': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: true,
    privacy_officer: false,
  },
  'report.settings.view': {
    admin: true,
    coordinator: true,
    counsellor: false,
    analyst: true,
    privacy_officer: true,
  },
  'report.settings.update': {
    admin: true,
    coordinator: false,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
  'report.caseload': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
  'report.funder.view': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: true,
    privacy_officer: false,
  },
  'report.funder.update': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: false,
    privacy_officer: false,
  },
  'report.funder.export': {
    admin: false,
    coordinator: true,
    counsellor: false,
    analyst: true,
    privacy_officer: false,
  },
};

const actor = (role: Role): Actor => ({ kind: 'user', userId: 'u', orgId: 'o', role, sessionId: 's' });

describe('report policy', () => {
  for (const [action, byRole] of Object.entries(EXPECTED) as [ReportAction, Record<Role, boolean>][]) {
    it.each(ROLES)(`${action} for %s`, (role) => {
      expect(canReport(actor(role), action)).toBe(byRole[role]);
    });
    it(`${action} is refused to the system and to nobody`, () => {
      expect(canReport({ kind: 'system', orgId: 'o' }, action)).toBe(false);
      expect(canReport(undefined, action)).toBe(false);
    });
  }
});
