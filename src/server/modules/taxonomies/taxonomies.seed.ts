import type { Kysely } from 'kysely';
import { insertSeedTerm } from './taxonomies.repository.js';
import { CASE_TERMS } from './taxonomies.seed.cases.js';
import { SIGNAL_TERMS } from './taxonomies.seed.signals.js';
import { t, type SeedTerm } from './taxonomies.seed.term.js';

/** The lists every new organisation starts with (DESIGN.md, "Taxonomies"); each organisation may edit them. */
const SEED_TERMS: SeedTerm[] = [
  // Categories, interventions, closure reasons, relations.
  ...CASE_TERMS,
  // Counsellors' self-declared community or cultural backgrounds (never asked of callers).
  t(
    'background',
    'moroccan_dutch',
    'Marokkaans-Nederlands',
    'Moroccan-Dutch',
    'مغربي هولندي',
    'Faslı-Hollandalı',
  ),
  t('background', 'turkish_dutch', 'Turks-Nederlands', 'Turkish-Dutch', 'تركي هولندي', 'Türk-Hollandalı'),
  t(
    'background',
    'somali_dutch',
    'Somalisch-Nederlands',
    'Somali-Dutch',
    'صومالي هولندي',
    'Somalili-Hollandalı',
  ),
  t('background', 'dutch', 'Nederlands', 'Dutch', 'هولندي', 'Hollandalı'),
  t('background', 'other', 'Anders', 'Other', 'أخرى', 'Diğer'),
  // Languages counsellors speak; the codes match the conversation languages of intake.
  t('language', 'nl', 'Nederlands', 'Dutch', 'الهولندية', 'Felemenkçe'),
  t(
    'language',
    'ary',
    'Marokkaans-Arabisch (Darija)',
    'Moroccan Arabic (Darija)',
    'الدارجة المغربية',
    'Fas Arapçası (Darija)',
  ),
  t('language', 'rif', 'Tarifit', 'Tarifit', 'الريفية', 'Tarifit'),
  t('language', 'zgh', 'Tamazight', 'Tamazight', 'الأمازيغية', 'Tamazight'),
  t('language', 'ar', 'Standaard-Arabisch', 'Standard Arabic', 'العربية الفصحى', 'Standart Arapça'),
  t('language', 'tr', 'Turks', 'Turkish', 'التركية', 'Türkçe'),
  t('language', 'so', 'Somalisch', 'Somali', 'الصومالية', 'Somalice'),
  t('language', 'en', 'Engels', 'English', 'الإنجليزية', 'İngilizce'),
  t('language', 'fr', 'Frans', 'French', 'الفرنسية', 'Fransızca'),
  t('language', 'ku', 'Koerdisch', 'Kurdish', 'الكردية', 'Kürtçe'),
  t('language', 'fa', 'Perzisch', 'Persian', 'الفارسية', 'Farsça'),
  t('language', 'ti', 'Tigrinya', 'Tigrinya', 'التغرينية', 'Tigrinya'),
  // Factual signals and protective factors.
  ...SIGNAL_TERMS,
  t(
    'activity_type',
    'info_meeting',
    'Voorlichtingsbijeenkomst',
    'Information meeting',
    'لقاء توعوي',
    'Bilgilendirme toplantısı',
  ),
  t(
    'activity_type',
    'mothers_programme',
    'Bijeenkomst moederprogramma',
    "Mothers' programme session",
    'جلسة برنامج الأمهات',
    'Anneler programı oturumu',
  ),
  t(
    'activity_type',
    'empowerment',
    'Empowermentbijeenkomst',
    'Empowerment meeting',
    'لقاء تمكين',
    'Güçlendirme toplantısı',
  ),
  t(
    'activity_type',
    'workshop_authorities',
    'Workshop hulplijnmethode voor gemeenten',
    'Workshop on the helpline method for local authorities',
    'ورشة عن منهج خط المساعدة للبلديات',
    'Belediyeler için yardım hattı yöntemi atölyesi',
  ),
  t(
    'activity_type',
    'workshop_orgs',
    'Workshop hulplijnmethode voor organisaties',
    'Workshop on the helpline method for organisations',
    'ورشة عن منهج خط المساعدة للمنظمات',
    'Kuruluşlar için yardım hattı yöntemi atölyesi',
  ),
  t(
    'activity_type',
    'workshop_abroad',
    'Workshop hulplijnmethode in het buitenland',
    'Workshop on the helpline method abroad',
    'ورشة عن منهج خط المساعدة في الخارج',
    'Yurt dışında yardım hattı yöntemi atölyesi',
  ),
  t(
    'activity_type',
    'partner_presentation',
    'Presentatie bij een partner',
    'Presentation at a partner',
    'عرض تقديمي لدى شريك',
    'Bir ortak kuruluşta sunum',
  ),
];

/** Inserts the standard lists for an organisation; existing codes are left as they are. */
export async function seedTaxonomies(db: Kysely<unknown>, orgId: string, now: Date): Promise<void> {
  let sort = 0;
  for (const term of SEED_TERMS) {
    sort += 1;
    await insertSeedTerm(db, orgId, { ...term, sort }, now);
  }
}
