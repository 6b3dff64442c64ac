import { describe, expect, it } from 'vitest';
import { ConsentTextSchema } from '../../../shared/consent-text.schema.js';
import { FORM_LANGUAGES } from '../../../shared/consent.schema.js';
import { ROLES } from '../../../shared/roles.js';
import type { Actor } from '../../lib/actor.js';
import { PDF_STRINGS } from '../../lib/pdf/strings.js';
import { consentText } from './consent-text.service.js';

const actor = (role: Actor['role']): Actor => ({
  kind: 'user',
  role,
  userId: 'u',
  orgId: 'o',
  sessionId: 's',
});

describe('the consent text on screen', () => {
  it.each(FORM_LANGUAGES)('is the PDF text in %s, complete for the schema', (language) => {
    const text = consentText(actor('counsellor'), language);
    expect(ConsentTextSchema.parse(text)).toEqual(text);
    const pdf = PDF_STRINGS[language];
    expect(text.intro).toBe(pdf.consent.intro);
    expect(text.withdrawal).toEqual(pdf.consent.withdrawal);
    expect(text.categories.signals).toEqual(pdf.categories.signals);
    expect(text.purposes.care_referral).toBe(pdf.purposes.care_referral);
    expect(text.everyPartnerOfType.police).toBe(pdf.consent.everyPartnerOfType(pdf.partnerTypes.police));
    expect(text.dir).toBe(language === 'ar' ? 'rtl' : 'ltr');
  });

  it.each(ROLES)('is for those who record consent only (%s)', (role) => {
    const allowed = role === 'coordinator' || role === 'counsellor';
    if (allowed) expect(consentText(actor(role), 'ar').language).toBe('ar');
    else expect(() => consentText(actor(role), 'ar')).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});
