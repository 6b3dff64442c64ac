import type { AGE_BANDS, Channel, GENDERS, SUBJECT_STATUSES } from '../../../shared/cases.schema.js';
import type { ConsentMethod, ConsentPurpose, DataCategory } from '../../../shared/consent.schema.js';
import type { EMERGENCY_GROUNDS } from '../../../shared/emergency.schema.js';
import { CONVERSATION_LANGUAGE_NAMES } from '../../../shared/language-names.js';
import type { PartnerType } from '../../../shared/partners.schema.js';
import type { PdfLang } from './render.js';

/**
 * Every string printed on a PDF, in each language a form can be printed in. The table is typed as
 * `Record<PdfLang, PdfStrings>`, so a missing translation does not compile.
 */

type SubjectStatus = (typeof SUBJECT_STATUSES)[number];
type AgeBand = (typeof AGE_BANDS)[number];
type Gender = (typeof GENDERS)[number];
type EmergencyGround = (typeof EMERGENCY_GROUNDS)[number];
export type GoalStatus = 'open' | 'achieved' | 'dropped';
export type SignalKind = 'signal' | 'protective';

export interface PdfStrings {
  /** Intl locale for dates; Arabic uses Western digits so numbers read the same in every language. */
  locale: string;
  /** Between items of a list in running text. */
  comma: string;
  page: (n: number, total: number) => string;
  signature: {
    name: string;
    signature: string;
    date: string;
    typedCounts: string;
    /** Shown instead of a stored drawn signature that fails the image check. */
    unreadable: string;
  };
  categories: Record<DataCategory, { label: string; explanation: string }>;
  purposes: Record<ConsentPurpose, string>;
  partnerTypes: Record<PartnerType, string>;
  methods: Record<ConsentMethod, string>;
  statuses: Record<SubjectStatus, string>;
  signalKinds: Record<SignalKind, string>;
  channels: Record<Channel, string>;
  ageBands: Record<AgeBand, string>;
  genders: Record<Gender, string>;
  goalStatuses: Record<GoalStatus, string>;
  emergencyGrounds: Record<EmergencyGround, string>;
  consent: {
    title: string;
    intro: string;
    organisation: string;
    caseReference: string;
    givenBy: string;
    method: string;
    scopeHeading: string;
    recipientHeading: string;
    everyPartnerOfType: (type: string) => string;
    purposeHeading: string;
    purposeNote: string;
    validityHeading: string;
    validFrom: string;
    validUntil: string;
    limits: string[];
    withdrawalHeading: string;
    /** The first sentence is the promise; tests look for it. */
    withdrawal: [string, ...string[]];
    signatureHeading: string;
    signatureStatement: string;
    footer: string;
  };
  summary: {
    title: { consent: string; emergency: string };
    organisation: string;
    caseReference: string;
    recipient: string;
    purpose: string;
    basis: string;
    producedOn: string;
    basisConsent: (givenOn: string, validUntil: string) => string;
    basisEmergency: (approvedOn: string, ground: string) => string;
    categoriesHeading: string;
    categoriesIntro: string;
    callerAlias: string;
    phone: string;
    language: string;
    municipality: string;
    safeCallback: string;
    mayCallBack: string;
    mayLeaveMessage: string;
    safeTimes: string;
    yes: string;
    no: string;
    concernCategory: string;
    concernText: string;
    alias: string;
    ageBand: string;
    gender: string;
    statusOverTime: string;
    openedOn: string;
    contacts: string;
    minutes: (n: number) => string;
    interventions: string;
    goals: string;
    footer: { consent: string; emergency: string };
  };
}

const nl: PdfStrings = {
  locale: 'nl-NL',
  comma: ', ',
  page: (n, total) => `Pagina ${n} van ${total}`,
  signature: {
    name: 'Naam',
    signature: 'Handtekening',
    date: 'Datum',
    typedCounts: 'Getypte naam, geldt als handtekening',
    unreadable: 'De getekende handtekening kan niet worden getoond; zie het dossier.',
  },
  categories: {
    contact_details: {
      label: 'Contactgegevens',
      explanation:
        'uw naam of schuilnaam, telefoonnummer, taal, gemeente en veilige manieren om u terug te bellen.',
    },
    concern_summary: {
      label: 'Uw vraag en zorg',
      explanation: 'wat voor vraag u had en een korte samenvatting van uw zorg.',
    },
    signals: {
      label: 'Signalen en beschermende factoren',
      explanation: 'waargenomen signalen met hun datum, en beschermende factoren (wat helpt en steunt).',
    },
    person_status: {
      label: 'De persoon om wie u zich zorgen maakt',
      explanation:
        'zijn of haar schuilnaam, leeftijdsgroep, gender, gemeente en hoe de situatie in de loop van de tijd is veranderd.',
    },
    support_history: {
      label: 'Onze ondersteuning',
      explanation:
        'wanneer we contact hadden, welke ondersteuning we gaven en de doelen die we samen stelden.',
    },
  },
  purposes: {
    care_referral: 'Doorverwijzing naar zorg of hulpverlening',
    authority_referral: 'Doorverwijzing naar een overheidsinstantie (zoals de gemeente of de politie)',
    case_meeting: 'Bespreking in een casusoverleg met andere organisaties',
    peer_support: 'Contact met ervaringsdeskundigen die iets vergelijkbaars hebben meegemaakt',
  },
  partnerTypes: {
    municipality: 'gemeente',
    zorg_veiligheidshuis: 'Zorg- en Veiligheidshuis',
    mental_health: 'geestelijke gezondheidszorg (GGZ)',
    gp: 'huisarts',
    social_district_team: 'sociaal wijkteam',
    youth_care: 'jeugdzorg',
    veilig_thuis: 'Veilig Thuis',
    child_protection_board: 'Raad voor de Kinderbescherming',
    probation: 'reclassering',
    victim_support: 'Slachtofferhulp',
    legal_aid: 'rechtshulp',
    theologian_mosque: 'theoloog of moskee',
    peer_network: 'netwerk van ervaringsdeskundigen',
    exit_programme: 'exitprogramma',
    police: 'politie',
    school: 'school',
    other_helpline: 'andere hulplijn of steunpunt',
  },
  methods: {
    uploaded_form: 'Ondertekend formulier op papier',
    signature_drawn: 'Handtekening op het scherm',
    signature_typed: 'Getypte naam als handtekening',
    verbal: 'Mondeling (schriftelijke bevestiging volgt)',
  },
  statuses: {
    at_home: 'thuis',
    concerns_reported: 'zorgen gemeld',
    departed: 'vertrokken',
    abroad: 'in het buitenland',
    detained: 'gedetineerd',
    returned: 'teruggekeerd',
    deceased: 'overleden',
    unknown: 'onbekend',
  },
  signalKinds: { signal: 'Signaal', protective: 'Beschermende factor' },
  channels: {
    phone: 'telefoon',
    whatsapp: 'WhatsApp',
    email: 'e-mail',
    web_callback: 'terugbelverzoek via de website',
    walk_in: 'inloop',
    meeting: 'afspraak',
  },
  ageBands: {
    under_12: 'jonger dan 12 jaar',
    '12_15': '12–15 jaar',
    '16_17': '16–17 jaar',
    '18_22': '18–22 jaar',
    '23_29': '23–29 jaar',
    '30_plus': '30 jaar of ouder',
    unknown: 'onbekend',
  },
  genders: { female: 'vrouw', male: 'man', other: 'anders', unknown: 'onbekend' },
  goalStatuses: { open: 'open', achieved: 'bereikt', dropped: 'vervallen' },
  emergencyGrounds: {
    danger_to_life: 'acuut gevaar voor iemands leven',
    serious_crime: 'voorkomen van een ernstig misdrijf',
  },
  consent: {
    title: 'Toestemming om informatie te delen',
    intro:
      'Met dit formulier geeft u toestemming om bepaalde informatie uit uw dossier te delen. Hieronder staat precies welke informatie, met wie, waarvoor en hoe lang.',
    organisation: 'Organisatie',
    caseReference: 'Dossiernummer',
    givenBy: 'Toestemming gegeven door',
    method: 'Manier van toestemming',
    scopeHeading: 'Welke informatie gedeeld mag worden',
    recipientHeading: 'Met wie',
    everyPartnerOfType: (type) => `Elke partnerorganisatie van het type: ${type}`,
    purposeHeading: 'Waarvoor',
    purposeNote: 'Toelichting',
    validityHeading: 'Hoe lang',
    validFrom: 'Geldig vanaf',
    validUntil: 'Geldig tot en met',
    limits: [
      'Er wordt niets anders gedeeld dan wat hierboven staat, alleen met de genoemde ontvanger en alleen voor het genoemde doel.',
      'Deze toestemming geldt voor één dossier tegelijk: alleen voor het dossier hierboven.',
    ],
    withdrawalHeading: 'Toestemming intrekken',
    withdrawal: [
      'U kunt deze toestemming op elk moment intrekken.',
      'Zeg dit tegen uw begeleider, of neem contact op met de hulplijn: telefonisch, met een bericht of per brief.',
      'De intrekking geldt direct.',
      'Wat al gedeeld is, kan niet worden teruggehaald, maar wij laten de organisaties die het ontvingen weten dat u uw toestemming hebt ingetrokken.',
    ],
    signatureHeading: 'Ondertekening',
    signatureStatement: 'Ik geef toestemming zoals hierboven beschreven.',
    footer: 'Vertrouwelijk',
  },
  summary: {
    title: {
      consent: 'Samenvatting met toestemming',
      emergency: 'Samenvatting bij verstrekking in noodsituatie',
    },
    organisation: 'Organisatie',
    caseReference: 'Dossiernummer',
    recipient: 'Ontvanger',
    purpose: 'Doel',
    basis: 'Grondslag',
    producedOn: 'Opgesteld op',
    basisConsent: (givenOn, validUntil) => `toestemming van ${givenOn}, geldig tot en met ${validUntil}`,
    basisEmergency: (approvedOn, ground) =>
      `verstrekking in noodsituatie, goedgekeurd op ${approvedOn}, grond: ${ground}`,
    categoriesHeading: 'Opgenomen onderdelen',
    categoriesIntro: 'Deze samenvatting bevat alleen de onderdelen hieronder.',
    callerAlias: 'Naam of schuilnaam',
    phone: 'Telefoonnummer',
    language: 'Taal',
    municipality: 'Gemeente',
    safeCallback: 'Veilig terugbellen',
    mayCallBack: 'Mag terugbellen',
    mayLeaveMessage: 'Mag bericht achterlaten',
    safeTimes: 'Veilige tijden',
    yes: 'ja',
    no: 'nee',
    concernCategory: 'Soort vraag',
    concernText: 'Samenvatting',
    alias: 'Schuilnaam',
    ageBand: 'Leeftijdsgroep',
    gender: 'Gender',
    statusOverTime: 'Situatie in de tijd',
    openedOn: 'Dossier geopend op',
    contacts: 'Contacten',
    minutes: (n) => `${n} min.`,
    interventions: 'Gegeven ondersteuning',
    goals: 'Doelen',
    footer: {
      consent: 'Vertrouwelijk — gedeeld met schriftelijke toestemming, alleen voor dit doel; niet doorgeven.',
      emergency: 'Vertrouwelijk — verstrekt in een noodsituatie, alleen voor dit doel; niet doorgeven.',
    },
  },
};

const en: PdfStrings = {
  locale: 'en-GB',
  comma: ', ',
  page: (n, total) => `Page ${n} of ${total}`,
  signature: {
    name: 'Name',
    signature: 'Signature',
    date: 'Date',
    typedCounts: 'Typed name, counts as signature',
    unreadable: 'The drawn signature cannot be shown; see the case file.',
  },
  categories: {
    contact_details: {
      label: 'Contact details',
      explanation: 'your name or alias, phone number, language, municipality and safe ways to call you back.',
    },
    concern_summary: {
      label: 'Your question and concern',
      explanation: 'the kind of question you had and a short summary of your concern.',
    },
    signals: {
      label: 'Signals and protective factors',
      explanation:
        'signals that were observed, with their dates, and protective factors (what helps and supports).',
    },
    person_status: {
      label: 'The person you are worried about',
      explanation:
        'their alias, age group, gender, municipality and how their situation has changed over time.',
    },
    support_history: {
      label: 'Our support',
      explanation: 'when we were in contact, which support we gave and the goals we set together.',
    },
  },
  purposes: {
    care_referral: 'Referral to care or support services',
    authority_referral: 'Referral to a public authority (such as the municipality or the police)',
    case_meeting: 'Discussion in a case meeting with other organisations',
    peer_support: 'Contact with peers who have been through something similar',
  },
  partnerTypes: {
    municipality: 'municipality',
    zorg_veiligheidshuis: 'care and safety house (Zorg- en Veiligheidshuis)',
    mental_health: 'mental health care (GGZ)',
    gp: 'GP (family doctor)',
    social_district_team: 'social district team',
    youth_care: 'youth care',
    veilig_thuis: 'Veilig Thuis (domestic violence and child abuse centre)',
    child_protection_board: 'Child Protection Board',
    probation: 'probation service',
    victim_support: 'victim support',
    legal_aid: 'legal aid',
    theologian_mosque: 'theologian or mosque',
    peer_network: 'peer network',
    exit_programme: 'exit programme',
    police: 'police',
    school: 'school',
    other_helpline: 'other helpline or support centre',
  },
  methods: {
    uploaded_form: 'Signed form on paper',
    signature_drawn: 'Signature drawn on screen',
    signature_typed: 'Typed name as signature',
    verbal: 'Verbally (written confirmation to follow)',
  },
  statuses: {
    at_home: 'at home',
    concerns_reported: 'concerns reported',
    departed: 'departed',
    abroad: 'abroad',
    detained: 'detained',
    returned: 'returned',
    deceased: 'deceased',
    unknown: 'unknown',
  },
  signalKinds: { signal: 'Signal', protective: 'Protective factor' },
  channels: {
    phone: 'phone',
    whatsapp: 'WhatsApp',
    email: 'e-mail',
    web_callback: 'callback request via the website',
    walk_in: 'walk-in',
    meeting: 'meeting',
  },
  ageBands: {
    under_12: 'under 12',
    '12_15': '12–15 years',
    '16_17': '16–17 years',
    '18_22': '18–22 years',
    '23_29': '23–29 years',
    '30_plus': '30 or older',
    unknown: 'unknown',
  },
  genders: { female: 'female', male: 'male', other: 'other', unknown: 'unknown' },
  goalStatuses: { open: 'open', achieved: 'achieved', dropped: 'dropped' },
  emergencyGrounds: {
    danger_to_life: "danger to someone's life",
    serious_crime: 'preventing a serious crime',
  },
  consent: {
    title: 'Consent to share information',
    intro:
      'With this form you give consent to share certain information from your case. Below you can see exactly which information, with whom, for what purpose and for how long.',
    organisation: 'Organisation',
    caseReference: 'Case reference',
    givenBy: 'Consent given by',
    method: 'How consent was given',
    scopeHeading: 'What information may be shared',
    recipientHeading: 'Shared with',
    everyPartnerOfType: (type) => `Every partner organisation of the type: ${type}`,
    purposeHeading: 'Purpose',
    purposeNote: 'Note',
    validityHeading: 'How long',
    validFrom: 'Valid from',
    validUntil: 'Valid until',
    limits: [
      'Nothing is shared beyond what is listed above, only with the recipient named and only for the purpose named.',
      'This consent covers one case at a time: only the case above.',
    ],
    withdrawalHeading: 'Withdrawing your consent',
    withdrawal: [
      'You can withdraw this consent at any time.',
      'Tell your counsellor, or contact the helpline by phone, by message or by letter.',
      'Withdrawal takes effect immediately.',
      'What has already been shared cannot be taken back, but we will inform the organisations that received it that you have withdrawn your consent.',
    ],
    signatureHeading: 'Signature',
    signatureStatement: 'I give consent as described above.',
    footer: 'Confidential',
  },
  summary: {
    title: { consent: 'Consented summary', emergency: 'Emergency disclosure summary' },
    organisation: 'Organisation',
    caseReference: 'Case reference',
    recipient: 'Recipient',
    purpose: 'Purpose',
    basis: 'Basis',
    producedOn: 'Produced on',
    basisConsent: (givenOn, validUntil) => `consent of ${givenOn}, valid until ${validUntil}`,
    basisEmergency: (approvedOn, ground) =>
      `emergency disclosure approved on ${approvedOn}, ground: ${ground}`,
    categoriesHeading: 'Included categories',
    categoriesIntro: 'This summary contains only the categories below.',
    callerAlias: 'Name or alias',
    phone: 'Phone number',
    language: 'Language',
    municipality: 'Municipality',
    safeCallback: 'Safe callback',
    mayCallBack: 'May call back',
    mayLeaveMessage: 'May leave a message',
    safeTimes: 'Safe times',
    yes: 'yes',
    no: 'no',
    concernCategory: 'Kind of question',
    concernText: 'Summary',
    alias: 'Alias',
    ageBand: 'Age group',
    gender: 'Gender',
    statusOverTime: 'Situation over time',
    openedOn: 'Case opened on',
    contacts: 'Contacts',
    minutes: (n) => `${n} min`,
    interventions: 'Support given',
    goals: 'Goals',
    footer: {
      consent: 'Confidential — shared with written consent for this purpose only; do not pass on.',
      emergency: 'Confidential — disclosed in an emergency for this purpose only; do not pass on.',
    },
  },
};

const ar: PdfStrings = {
  locale: 'ar-u-nu-latn',
  comma: '، ',
  page: (n, total) => `صفحة ${n} من ${total}`,
  signature: {
    name: 'الاسم',
    signature: 'التوقيع',
    date: 'التاريخ',
    typedCounts: 'الاسم المكتوب يُعتبر توقيعاً',
    unreadable: 'لا يمكن عرض التوقيع المرسوم؛ راجع ملف الحالة.',
  },
  categories: {
    contact_details: {
      label: 'بيانات الاتصال',
      explanation: 'اسمك أو اسمك المستعار، ورقم هاتفك، ولغتك، والبلدية، والطرق الآمنة لمعاودة الاتصال بك.',
    },
    concern_summary: {
      label: 'سؤالك وما يقلقك',
      explanation: 'نوع السؤال الذي طرحته وملخص قصير لما يقلقك.',
    },
    signals: {
      label: 'المؤشرات وعوامل الحماية',
      explanation: 'المؤشرات التي لوحظت مع تواريخها، وعوامل الحماية (ما يساعد ويدعم).',
    },
    person_status: {
      label: 'الشخص الذي تقلق عليه',
      explanation: 'اسمه المستعار، وفئته العمرية، وجنسه، والبلدية، وكيف تغيّر وضعه مع مرور الوقت.',
    },
    support_history: {
      label: 'الدعم الذي قدمناه',
      explanation: 'متى تواصلنا معك، وما الدعم الذي قدمناه، والأهداف التي وضعناها معاً.',
    },
  },
  purposes: {
    care_referral: 'الإحالة إلى خدمات الرعاية أو المساعدة',
    authority_referral: 'الإحالة إلى جهة حكومية (مثل البلدية أو الشرطة)',
    case_meeting: 'مناقشة الحالة في اجتماع تنسيقي مع جهات أخرى',
    peer_support: 'التواصل مع أشخاص مرّوا بتجربة مماثلة',
  },
  partnerTypes: {
    municipality: 'البلدية',
    zorg_veiligheidshuis: 'مركز الرعاية والأمان (Zorg- en Veiligheidshuis)',
    mental_health: 'خدمات الصحة النفسية (GGZ)',
    gp: 'طبيب العائلة',
    social_district_team: 'الفريق الاجتماعي في الحي',
    youth_care: 'خدمات رعاية الأطفال والشباب',
    veilig_thuis: 'مركز مكافحة العنف المنزلي وإساءة معاملة الأطفال (Veilig Thuis)',
    child_protection_board: 'مجلس حماية الطفل',
    probation: 'هيئة المراقبة وإعادة التأهيل',
    victim_support: 'خدمة دعم الضحايا',
    legal_aid: 'المساعدة القانونية',
    theologian_mosque: 'عالم دين أو مسجد',
    peer_network: 'شبكة أشخاص مرّوا بتجربة مماثلة',
    exit_programme: 'برنامج الخروج من التطرف',
    police: 'الشرطة',
    school: 'المدرسة',
    other_helpline: 'خط مساعدة أو مركز دعم آخر',
  },
  methods: {
    uploaded_form: 'نموذج ورقي موقّع',
    signature_drawn: 'توقيع على الشاشة',
    signature_typed: 'الاسم مكتوباً بدلاً من التوقيع',
    verbal: 'شفهياً (يليها تأكيد كتابي)',
  },
  statuses: {
    at_home: 'في المنزل',
    concerns_reported: 'تم الإبلاغ عن مخاوف',
    departed: 'مغادرة البلاد',
    abroad: 'في الخارج',
    detained: 'رهن الاحتجاز',
    returned: 'العودة',
    deceased: 'الوفاة',
    unknown: 'غير معروف',
  },
  signalKinds: { signal: 'مؤشر', protective: 'عامل حماية' },
  channels: {
    phone: 'الهاتف',
    whatsapp: 'واتساب',
    email: 'البريد الإلكتروني',
    web_callback: 'طلب معاودة الاتصال عبر الموقع',
    walk_in: 'زيارة دون موعد',
    meeting: 'لقاء',
  },
  ageBands: {
    under_12: 'أقل من 12 سنة',
    '12_15': '12–15 سنة',
    '16_17': '16–17 سنة',
    '18_22': '18–22 سنة',
    '23_29': '23–29 سنة',
    '30_plus': '30 سنة فأكثر',
    unknown: 'غير معروف',
  },
  genders: { female: 'أنثى', male: 'ذكر', other: 'آخر', unknown: 'غير معروف' },
  goalStatuses: { open: 'قيد العمل', achieved: 'تحقق', dropped: 'أُلغي' },
  emergencyGrounds: {
    danger_to_life: 'خطر على حياة شخص',
    serious_crime: 'منع جريمة خطيرة',
  },
  consent: {
    title: 'الموافقة على مشاركة المعلومات',
    intro:
      'بهذا النموذج توافق على مشاركة معلومات محددة من ملفك. ستجد أدناه بالتحديد ما هي المعلومات، ومع من ستتم مشاركتها، ولأي غرض، وإلى متى.',
    organisation: 'الجهة',
    caseReference: 'رقم الملف',
    givenBy: 'مقدّم الموافقة',
    method: 'طريقة إعطاء الموافقة',
    scopeHeading: 'المعلومات التي يجوز مشاركتها',
    recipientHeading: 'الجهة التي ستتلقى المعلومات',
    everyPartnerOfType: (type) => `كل جهة شريكة من نوع: ${type}`,
    purposeHeading: 'الغرض',
    purposeNote: 'ملاحظة',
    validityHeading: 'مدة الموافقة',
    validFrom: 'سارية من',
    validUntil: 'سارية حتى',
    limits: [
      'لن نشارك أي شيء غير ما هو مذكور أعلاه، ولن نشاركه إلا مع الجهة المذكورة وللغرض المذكور فقط.',
      'تشمل هذه الموافقة ملفاً واحداً فقط، وهو الملف المذكور أعلاه.',
    ],
    withdrawalHeading: 'سحب الموافقة',
    withdrawal: [
      'يمكنك سحب هذه الموافقة في أي وقت.',
      'يكفي أن تخبر المرشد الذي يتابعك، أو أن تتواصل مع خط المساعدة عبر الهاتف أو برسالة نصية أو برسالة بريدية.',
      'يسري السحب فوراً.',
      'لا يمكن استرجاع ما تمت مشاركته من قبل، لكننا سنبلغ الجهات التي تلقته بأنك سحبت موافقتك.',
    ],
    signatureHeading: 'التوقيع',
    signatureStatement: 'أوافق على ما هو موضح أعلاه.',
    footer: 'وثيقة سرية',
  },
  summary: {
    title: { consent: 'ملخص تمت مشاركته بموافقة', emergency: 'ملخص إفصاح في حالة طارئة' },
    organisation: 'الجهة',
    caseReference: 'رقم الملف',
    recipient: 'الجهة المستلمة',
    purpose: 'الغرض',
    basis: 'الأساس',
    producedOn: 'تاريخ الإعداد',
    basisConsent: (givenOn, validUntil) => `موافقة بتاريخ ${givenOn}، سارية حتى ${validUntil}`,
    basisEmergency: (approvedOn, ground) =>
      `إفصاح في حالة طارئة تمت الموافقة عليه بتاريخ ${approvedOn}، والسبب: ${ground}`,
    categoriesHeading: 'الأقسام المشمولة',
    categoriesIntro: 'لا يتضمن هذا الملخص إلا الأقسام المذكورة أدناه.',
    callerAlias: 'الاسم أو الاسم المستعار',
    phone: 'رقم الهاتف',
    language: 'اللغة',
    municipality: 'البلدية',
    safeCallback: 'معاودة الاتصال بأمان',
    mayCallBack: 'يمكن معاودة الاتصال',
    mayLeaveMessage: 'يمكن ترك رسالة',
    safeTimes: 'الأوقات الآمنة',
    yes: 'نعم',
    no: 'لا',
    concernCategory: 'نوع السؤال',
    concernText: 'الملخص',
    alias: 'الاسم المستعار',
    ageBand: 'الفئة العمرية',
    gender: 'الجنس',
    statusOverTime: 'تطور الوضع مع الوقت',
    openedOn: 'تاريخ فتح الملف',
    contacts: 'الاتصالات',
    minutes: (n) => `${n} دقيقة`,
    interventions: 'الدعم المقدم',
    goals: 'الأهداف',
    footer: {
      consent: 'سري — تمت مشاركته بموافقة كتابية ولهذا الغرض فقط؛ لا يجوز تمريره إلى الغير.',
      emergency: 'سري — تم الإفصاح عنه في حالة طارئة ولهذا الغرض فقط؛ لا يجوز تمريره إلى الغير.',
    },
  },
};

const tr: PdfStrings = {
  locale: 'tr-TR',
  comma: ', ',
  page: (n, total) => `Sayfa ${n} / ${total}`,
  signature: {
    name: 'Ad soyad',
    signature: 'İmza',
    date: 'Tarih',
    typedCounts: 'Yazılan ad imza yerine geçer',
    unreadable: 'Çizilen imza gösterilemiyor; vaka dosyasına bakın.',
  },
  categories: {
    contact_details: {
      label: 'İletişim bilgileri',
      explanation:
        'adınız veya takma adınız, telefon numaranız, diliniz, belediyeniz ve sizi güvenli şekilde geri arama yolları.',
    },
    concern_summary: {
      label: 'Sorunuz ve endişeniz',
      explanation: 'sorunuzun türü ve endişenizin kısa bir özeti.',
    },
    signals: {
      label: 'İşaretler ve koruyucu faktörler',
      explanation:
        'gözlemlenen işaretler ve tarihleri ile koruyucu faktörler (yardımcı ve destekleyici olanlar).',
    },
    person_status: {
      label: 'Endişe duyduğunuz kişi',
      explanation: 'takma adı, yaş grubu, cinsiyeti, belediyesi ve durumunun zaman içinde nasıl değiştiği.',
    },
    support_history: {
      label: 'Verdiğimiz destek',
      explanation: 'ne zaman görüştüğümüz, hangi desteği verdiğimiz ve birlikte belirlediğimiz hedefler.',
    },
  },
  purposes: {
    care_referral: 'Bakım veya destek hizmetlerine yönlendirme',
    authority_referral: 'Bir kamu kurumuna yönlendirme (belediye veya polis gibi)',
    case_meeting: 'Diğer kuruluşlarla yapılan bir vaka toplantısında görüşülmesi',
    peer_support: 'Benzer bir deneyim yaşamış kişilerle iletişim',
  },
  partnerTypes: {
    municipality: 'belediye',
    zorg_veiligheidshuis: 'Bakım ve Güvenlik Merkezi (Zorg- en Veiligheidshuis)',
    mental_health: 'ruh sağlığı hizmetleri (GGZ)',
    gp: 'aile hekimi',
    social_district_team: 'mahalle sosyal ekibi',
    youth_care: 'gençlik bakım hizmetleri',
    veilig_thuis: 'Veilig Thuis (aile içi şiddet ve çocuk istismarı merkezi)',
    child_protection_board: 'Çocuk Koruma Kurulu',
    probation: 'denetimli serbestlik hizmeti',
    victim_support: 'mağdur destek hizmeti',
    legal_aid: 'hukuki yardım',
    theologian_mosque: 'ilahiyatçı veya cami',
    peer_network: 'benzer deneyim yaşamış kişilerin ağı',
    exit_programme: 'radikalleşmeden çıkış programı',
    police: 'polis',
    school: 'okul',
    other_helpline: 'başka bir yardım hattı veya destek merkezi',
  },
  methods: {
    uploaded_form: 'Kâğıt üzerinde imzalı form',
    signature_drawn: 'Ekranda atılan imza',
    signature_typed: 'İmza yerine yazılan ad',
    verbal: 'Sözlü (yazılı onay daha sonra verilecek)',
  },
  statuses: {
    at_home: 'evde',
    concerns_reported: 'endişe bildirildi',
    departed: 'ülkeden ayrıldı',
    abroad: 'yurt dışında',
    detained: 'tutuklu',
    returned: 'geri döndü',
    deceased: 'hayatını kaybetti',
    unknown: 'bilinmiyor',
  },
  signalKinds: { signal: 'İşaret', protective: 'Koruyucu faktör' },
  channels: {
    phone: 'telefon',
    whatsapp: 'WhatsApp',
    email: 'e-posta',
    web_callback: 'web sitesi üzerinden geri arama talebi',
    walk_in: 'randevusuz ziyaret',
    meeting: 'yüz yüze görüşme',
  },
  ageBands: {
    under_12: '12 yaşından küçük',
    '12_15': '12–15 yaş',
    '16_17': '16–17 yaş',
    '18_22': '18–22 yaş',
    '23_29': '23–29 yaş',
    '30_plus': '30 yaş ve üzeri',
    unknown: 'bilinmiyor',
  },
  genders: { female: 'kadın', male: 'erkek', other: 'diğer', unknown: 'bilinmiyor' },
  goalStatuses: { open: 'devam ediyor', achieved: 'ulaşıldı', dropped: 'vazgeçildi' },
  emergencyGrounds: {
    danger_to_life: 'birinin hayatı için tehlike',
    serious_crime: 'ciddi bir suçun önlenmesi',
  },
  consent: {
    title: 'Bilgi paylaşımı için onay',
    intro:
      'Bu formla dosyanızdaki belirli bilgilerin paylaşılmasına onay veriyorsunuz. Aşağıda hangi bilgilerin, kiminle, hangi amaçla ve ne kadar süreyle paylaşılacağı tam olarak belirtilmiştir.',
    organisation: 'Kuruluş',
    caseReference: 'Dosya numarası',
    givenBy: 'Onayı veren',
    method: 'Onayın veriliş şekli',
    scopeHeading: 'Hangi bilgiler paylaşılabilir',
    recipientHeading: 'Kiminle paylaşılır',
    everyPartnerOfType: (type) => `Şu türdeki her ortak kuruluş: ${type}`,
    purposeHeading: 'Amaç',
    purposeNote: 'Açıklama',
    validityHeading: 'Ne kadar süreyle',
    validFrom: 'Geçerlilik başlangıcı',
    validUntil: 'Geçerlilik bitişi',
    limits: [
      'Yukarıda belirtilenler dışında hiçbir bilgi paylaşılmaz; bilgiler yalnızca belirtilen alıcıyla ve yalnızca belirtilen amaç için paylaşılır.',
      'Bu onay tek bir dosya için geçerlidir: yalnızca yukarıdaki dosya.',
    ],
    withdrawalHeading: 'Onayınızı geri çekme',
    withdrawal: [
      'Bu onayı istediğiniz zaman geri çekebilirsiniz.',
      'Bunu danışmanınıza söyleyin ya da yardım hattına telefonla, mesajla veya mektupla bildirin.',
      'Geri çekme hemen geçerli olur.',
      'Daha önce paylaşılmış bilgiler geri alınamaz, ancak bu bilgileri alan kuruluşlara onayınızı geri çektiğinizi bildiririz.',
    ],
    signatureHeading: 'İmza',
    signatureStatement: 'Yukarıda açıklandığı şekilde onay veriyorum.',
    footer: 'Gizli belge',
  },
  summary: {
    title: { consent: 'Onayla paylaşılan özet', emergency: 'Acil durum paylaşım özeti' },
    organisation: 'Kuruluş',
    caseReference: 'Dosya numarası',
    recipient: 'Alıcı',
    purpose: 'Amaç',
    basis: 'Dayanak',
    producedOn: 'Hazırlanma tarihi',
    basisConsent: (givenOn, validUntil) => `${givenOn} tarihli onay, ${validUntil} tarihine kadar geçerli`,
    basisEmergency: (approvedOn, ground) =>
      `${approvedOn} tarihinde onaylanan acil durum paylaşımı, gerekçe: ${ground}`,
    categoriesHeading: 'Kapsanan bölümler',
    categoriesIntro: 'Bu özet yalnızca aşağıdaki bölümleri içerir.',
    callerAlias: 'Ad veya takma ad',
    phone: 'Telefon numarası',
    language: 'Dil',
    municipality: 'Belediye',
    safeCallback: 'Güvenli geri arama',
    mayCallBack: 'Geri aranabilir',
    mayLeaveMessage: 'Mesaj bırakılabilir',
    safeTimes: 'Güvenli saatler',
    yes: 'evet',
    no: 'hayır',
    concernCategory: 'Soru türü',
    concernText: 'Özet',
    alias: 'Takma ad',
    ageBand: 'Yaş grubu',
    gender: 'Cinsiyet',
    statusOverTime: 'Zaman içindeki durum',
    openedOn: 'Dosyanın açıldığı tarih',
    contacts: 'Görüşmeler',
    minutes: (n) => `${n} dk.`,
    interventions: 'Verilen destek',
    goals: 'Hedefler',
    footer: {
      consent: 'Gizlidir — yazılı onayla yalnızca bu amaç için paylaşılmıştır; başkalarına iletmeyin.',
      emergency: 'Gizlidir — acil bir durumda yalnızca bu amaç için paylaşılmıştır; başkalarına iletmeyin.',
    },
  },
};

export const PDF_STRINGS: Readonly<Record<PdfLang, PdfStrings>> = { nl, en, ar, tr };

/** An ISO day (YYYY-MM-DD) as the language writes it: "2 maart 2026", "2 March 2026", "2 Mart 2026". */
export function formatDay(lang: PdfLang, day: string): string {
  const date = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(PDF_STRINGS[lang].locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** A value from a closed list in the language, or the value itself if it is not one we know. */
export function translate<K extends string>(table: Readonly<Record<K, string>>, value: string): string {
  return Object.hasOwn(table, value) ? table[value as K] : value;
}

/**
 * A language code ("tr", "ary") by its name in the PDF's language: the screen's name for a conversation
 * language, otherwise Intl's, otherwise the code.
 */
export function languageName(lang: PdfLang, code: string): string {
  const names: Readonly<Record<string, string>> = CONVERSATION_LANGUAGE_NAMES[lang];
  if (Object.hasOwn(names, code)) return names[code]!;
  try {
    return (
      new Intl.DisplayNames([PDF_STRINGS[lang].locale], { type: 'language', fallback: 'code' }).of(code) ??
      code
    );
  } catch {
    return code;
  }
}
