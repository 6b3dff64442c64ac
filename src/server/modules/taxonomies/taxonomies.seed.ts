import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Labels, TaxonomyKind } from '../../../shared/taxonomy.schema.js';

export interface SeedTerm {
  kind: TaxonomyKind;
  code: string;
  labels: Labels;
  requiresConsent?: boolean;
}

const t = (
  kind: TaxonomyKind,
  code: string,
  nl: string,
  en: string,
  ar: string,
  tr: string,
  requiresConsent = false,
): SeedTerm => ({
  kind,
  code,
  labels: { nl, en, ar, tr },
  requiresConsent,
});

/** The lists every new organisation starts with (DESIGN.md, "Taxonomies"); each organisation may edit them. */
export const SEED_TERMS: SeedTerm[] = [
  t(
    'category',
    'C1',
    'Signalen van radicaliserend gedrag',
    'Signs of radicalising behaviour',
    'علامات سلوك متطرف',
    'Radikalleşme davranışı belirtileri',
  ),
  t(
    'category',
    'C2',
    'Aanwijzingen voor vertrek',
    'Indications of departure',
    'مؤشرات على المغادرة',
    'Gitme belirtileri',
  ),
  t(
    'category',
    'C3',
    'Familielid is naar een conflictgebied gereisd',
    'Relative has travelled to a conflict zone',
    'سافر أحد الأقارب إلى منطقة نزاع',
    'Yakını bir çatışma bölgesine gitti',
  ),
  t(
    'category',
    'C4',
    'Familielid is teruggekeerd',
    'Relative has returned',
    'عاد أحد الأقارب',
    'Yakını geri döndü',
  ),
  t(
    'category',
    'C5',
    'Familielid omgekomen of vermist',
    'Relative killed or missing',
    'قريب قُتل أو مفقود',
    'Yakını öldü veya kayıp',
  ),
  t(
    'category',
    'C6',
    'Familielid gedetineerd of vervolgd',
    'Relative detained or prosecuted',
    'قريب محتجز أو ملاحق قضائيًا',
    'Yakını tutuklu veya yargılanıyor',
  ),
  t(
    'category',
    'C7',
    'Zorg om broers, zussen of andere familie',
    'Worry about siblings or other family',
    'قلق على الإخوة أو أفراد آخرين من العائلة',
    'Kardeşler veya diğer aile için endişe',
  ),
  t(
    'category',
    'C8',
    'Vraag van een professional of organisatie',
    'Question from a professional or organisation',
    'سؤال من مختص أو مؤسسة',
    'Bir uzman veya kurumdan soru',
  ),
  t('category', 'C9', 'Algemene informatie', 'General information', 'معلومات عامة', 'Genel bilgi'),
  t('category', 'C10', 'Overig', 'Other', 'أخرى', 'Diğer'),
  t('intervention', 'I1', 'Luisterend oor', 'Listening ear', 'الإصغاء', 'Dinleyen kulak'),
  t(
    'intervention',
    'I2',
    'Informatie en advies',
    'Information and advice',
    'معلومات ونصائح',
    'Bilgi ve tavsiye',
  ),
  t(
    'intervention',
    'I3',
    'Contact met een theoloog',
    'Link to a theologian',
    'الربط مع عالم دين',
    'Bir ilahiyatçıyla bağlantı',
  ),
  t(
    'intervention',
    'I4',
    'Contact met een ervaringsouder',
    'Link to a peer parent',
    'الربط مع أحد الوالدين ذوي التجربة',
    'Deneyimli bir ebeveynle bağlantı',
  ),
  t(
    'intervention',
    'I5',
    'Voorlichting of moederprogramma',
    'Information meeting or mothers’ programme',
    'جلسة توعية أو برنامج الأمهات',
    'Bilgilendirme toplantısı veya anne programı',
  ),
  t(
    'intervention',
    'I6',
    'Coaching in communicatie met het familielid',
    'Coaching on communicating with the relative',
    'تدريب على التواصل مع القريب',
    'Yakınla iletişim konusunda koçluk',
  ),
  t(
    'intervention',
    'I7',
    'Hulp bij instanties',
    'Help dealing with authorities and agencies',
    'المساعدة في التعامل مع الجهات الرسمية',
    'Kurumlarla ilişkilerde yardım',
  ),
  t(
    'intervention',
    'I8',
    'Doorverwijzing naar professionele zorg',
    'Referral to professional care',
    'الإحالة إلى رعاية مهنية',
    'Profesyonel bakıma yönlendirme',
    true,
  ),
  t(
    'intervention',
    'I9',
    'Doorverwijzing naar autoriteiten',
    'Referral to authorities',
    'الإحالة إلى السلطات',
    'Yetkililere yönlendirme',
    true,
  ),
  t('closure', 'goal_reached', 'Doel bereikt', 'Goal reached', 'تحقق الهدف', 'Hedefe ulaşıldı'),
  t(
    'closure',
    'handover_municipality',
    'Overgedragen aan gemeente',
    'Handed over to municipality',
    'سُلّمت إلى البلدية',
    'Belediyeye devredildi',
  ),
  t(
    'closure',
    'handover_care',
    'Overgedragen aan professionele zorg',
    'Handed over to professional care',
    'سُلّمت إلى رعاية مهنية',
    'Profesyonel bakıma devredildi',
  ),
  t(
    'closure',
    'withdrew',
    'Hulpvrager trok zich terug / onbereikbaar',
    'Caller withdrew or unreachable',
    'انسحب المتصل أو تعذّر الوصول إليه',
    'Arayan vazgeçti veya ulaşılamıyor',
  ),
  t(
    'closure',
    'out_of_scope',
    'Buiten doelgroep / doorverwezen',
    'Out of scope or redirected',
    'خارج النطاق أو أُعيد توجيهه',
    'Kapsam dışı veya yönlendirildi',
  ),
  t(
    'closure',
    'transferred',
    'Overgedragen aan andere organisatie',
    'Transferred to another organisation',
    'نُقلت إلى منظمة أخرى',
    'Başka bir kuruluşa aktarıldı',
  ),
  t('closure', 'other', 'Overig', 'Other', 'أخرى', 'Diğer'),
  t('relation', 'mother', 'Moeder', 'Mother', 'الأم', 'Anne'),
  t('relation', 'father', 'Vader', 'Father', 'الأب', 'Baba'),
  t('relation', 'parent', 'Ouder / verzorger', 'Parent or carer', 'ولي أمر أو مُعيل', 'Ebeveyn veya bakıcı'),
  t('relation', 'sibling', 'Broer of zus', 'Brother or sister', 'أخ أو أخت', 'Kardeş'),
  t('relation', 'spouse', 'Partner', 'Partner', 'الزوج أو الشريك', 'Eş'),
  t('relation', 'grandparent', 'Grootouder', 'Grandparent', 'الجد أو الجدة', 'Büyükanne veya büyükbaba'),
  t('relation', 'other_family', 'Ander familielid', 'Other relative', 'قريب آخر', 'Diğer akraba'),
  t('relation', 'professional', 'Professional', 'Professional', 'مختص', 'Uzman'),
  t(
    'relation',
    'friend',
    'Vriend of kennis',
    'Friend or acquaintance',
    'صديق أو معارف',
    'Arkadaş veya tanıdık',
  ),
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
];

/** Inserts the standard lists for an organisation; existing codes are left as they are. */
export async function seedTaxonomies(db: Kysely<unknown>, orgId: string, now: Date): Promise<void> {
  let sort = 0;
  for (const term of SEED_TERMS) {
    sort += 1;
    await sql`insert into taxonomy_terms (id, org_id, kind, code, labels, requires_consent, sort, created_at, updated_at)
      values (${randomUUID()}, ${orgId}, ${term.kind}, ${term.code}, ${JSON.stringify(term.labels)}::jsonb,
              ${term.requiresConsent ?? false}, ${sort}, ${now}, ${now})
      on conflict (org_id, kind, code) do nothing`.execute(db);
  }
}
