import type { Abilities, Page } from '../../../shared/auth.schema.js';
import { PAGES } from '../../../shared/auth.schema.js';
import type { Actor } from '../../lib/actor.js';
import { canActivity, seesAllActivities } from '../activities/activities.policy.js';
import { canAudit } from '../audit/audit.policy.js';
import { canCaseRole, caseListScope } from '../cases/cases.policy.js';
import { hasOwnProfile, isManager } from '../counsellors/counsellors.policy.js';
import { canEmergency } from '../emergency/emergency.policy.js';
import { canKnowledge } from '../knowledge/knowledge.policy.js';
import { canMatching } from '../matching/matching.policy.js';
import { canChecklist } from '../organisations/checklist.policy.js';
import { canOrganisation } from '../organisations/organisations.policy.js';
import { canPartner } from '../partners/partners.policy.js';
import { canPeer } from '../peers/peers.policy.js';
import { canPlace } from '../places/places.policy.js';
import { canPublicSite } from '../public-site/public-site.policy.js';
import { canDisclosure } from '../referrals/disclosures.policy.js';
import { canReport } from '../reports/reports.policy.js';
import { canTaxonomy } from '../taxonomies/taxonomies.policy.js';
import { canTraining } from '../training/training.policy.js';
import { canUser } from '../users/users.policy.js';
import { canWork } from '../work/work.policy.js';

/**
 * Which screen opens for whom, each answered by the policy that guards the screen's main API call, so
 * that navigation can never offer what the server would refuse (nor hide what it allows).
 */
const PAGE_RULES: Readonly<Record<Page, (actor: Actor) => boolean>> = {
  intake: (a) => canCaseRole(a, 'intake.create'),
  cases: (a) => canCaseRole(a, 'case.list'),
  myProfile: (a) => hasOwnProfile(a),
  emergencyApprovals: (a) => canEmergency(a, 'emergency.decide'),
  counsellors: (a) => isManager(a),
  training: (a) => canTraining(a, 'training.manage'),
  activities: (a) => canActivity(a, 'activity.list'),
  partners: (a) => canPartner(a, 'partner.list'),
  peers: (a) => canPeer(a, 'peer.view'),
  publicSite: (a) => canPublicSite(a, 'site.view'),
  reports: (a) => canReport(a, 'report.view'),
  users: (a) => canUser(a, 'user.list'),
  taxonomies: (a) => canTaxonomy(a, 'taxonomy.edit'),
  aftercare: (a) => canOrganisation(a, 'organisation.settings.update'),
  matching: (a) => canMatching(a, 'weights.view'),
  places: (a) => canPlace(a, 'place.manage'),
  audit: (a) => canAudit(a, 'audit.view'),
  accessLog: (a) => canAudit(a, 'access.view'),
  disclosures: (a) => canDisclosure(a, 'disclosure.log'),
  fourEyes: (a) => canEmergency(a, 'emergency.health'),
  handbook: (a) => canKnowledge(a, 'knowledge.read'),
};

/** What the web may offer this actor: screens, the header search, and a few in-page switches. */
export function abilitiesOf(actor: Actor): Abilities {
  const mayList = canCaseRole(actor, 'case.list');
  return {
    pages: PAGES.filter((page) => PAGE_RULES[page](actor)),
    search: mayList,
    ownCasesOnly: mayList && caseListScope(actor).counsellorId !== undefined,
    myWork: canWork(actor, 'work.mine'),
    startEmergency: canEmergency(actor, 'emergency.start'),
    setupChecklist: canChecklist(actor, 'checklist.view'),
    editMatchingWeights: canMatching(actor, 'weights.update'),
    manageOrganisation: canOrganisation(actor, 'organisation.settings.update'),
    // Someone whose calendar is scoped to what they facilitate sees it on their home page.
    myActivities: canActivity(actor, 'activity.list') && !seesAllActivities(actor),
  };
}
