/**
 * What generated records say: invented aliases, summaries and notes in the helpline's own words (the
 * vocabulary of bench/generate.ts, widened), and how often each kind of thing happens at a real helpline.
 * Nothing here is about a real person; no ethnicity or religion is recorded about callers or relatives.
 */
import { weighted } from './random.js';

export const ALIASES = [
  'Moeder van A.',
  'Umm Youssef',
  'Vader K.',
  'Mevrouw B.',
  'Hooyo Ayaan',
  'Anne S.',
  'Oom M.',
  'Zus van R.',
  'Tante F.',
  'Meneer D.',
  'Abu Salim',
  'Moeder van J.',
  'Vader van L.',
  'Broer van N.',
  'Grootmoeder E.',
  'Mevrouw Y.',
  'Ayşe H.',
  'Buurvrouw C.',
  'Mentor T.',
  'Juf P.',
] as const;

export const SUBJECT_ALIASES = ['Zoon', 'Dochter', 'Broer', 'Zus', 'Neef', 'Nicht', 'Leerling', 'Kleinzoon'];

export const SUMMARIES = [
  'Zoon trekt zich terug, kijkt veel online preken en wil niet meer naar school.',
  'Dochter heeft contact met onbekenden via een app en praat over vertrekken.',
  'Broer is teruggekeerd; familie weet niet hoe ze hem moeten opvangen.',
  'Vraag van een school over een leerling die zich snel verandert.',
  'Moeder zoekt informatie over wat zij kan doen.',
  'Vader maakt zich zorgen over nieuwe vrienden van zijn zoon en hun ideeën.',
  'Zus vertelt dat haar broer geld verzamelt en over reizen praat.',
  'Oom belt namens de familie; neef is sinds maanden boos op iedereen.',
  'Informatievraag over de hulplijn en wat er met gegevens gebeurt.',
  'Moeder wil weten hoe ze het gesprek met haar dochter kan beginnen.',
  'Zoon deelt filmpjes met geweld in een groepsapp; ouders weten niet wat te doen.',
  'Grootmoeder is bang dat haar kleinzoon wordt beïnvloed door een online groep.',
];

export const LOG_NOTES = [
  'Gesprek met moeder; zoon gaat weer af en toe naar school.',
  'Telefonisch contact, vader is rustiger en heeft een afspraak met de mentor gemaakt.',
  'Huisbezoek samen met de familie; afspraken gemaakt over schermtijd.',
  'Kort appje: alles stabiel, volgende week weer contact.',
  'Familie heeft contact gehad met de huisarts; verwijzing loopt.',
  'Broer wil zelf ook een keer praten; afspraak gepland.',
  'Moeder voelt zich gesteund; minder zorgen dan vorige maand.',
  'Overleg met de vrijwilliger over de volgende stap.',
];

export const INTERVENTION_NOTES = [
  'Gesprekstechnieken geoefend met moeder.',
  'Informatie gegeven over online propaganda.',
  'Netwerk van de familie in kaart gebracht.',
  '',
];

export const SAFE_TIMES = [
  'Na 18:00',
  'Alleen doordeweeks overdag',
  'Niet op vrijdag',
  'Ochtend, voor 10:00',
];

export const PARTNERS: { name: string; type: string }[] = [
  { name: 'GGZ Centraal', type: 'mental_health' },
  { name: 'Huisartsenpraktijk De Linde', type: 'gp' },
  { name: 'Sociaal wijkteam Centrum', type: 'social_district_team' },
  { name: 'Jeugdzorg Regio', type: 'youth_care' },
  { name: 'Slachtofferhulp', type: 'victim_support' },
  { name: 'Het Juridisch Loket', type: 'legal_aid' },
  { name: 'Gemeente — team radicalisering', type: 'municipality' },
  { name: 'Zorg- en Veiligheidshuis', type: 'zorg_veiligheidshuis' },
];

/** Partner types a care referral may go to without the extra checks for the authorities. */
export const CARE_PARTNER_TYPES = [
  'mental_health',
  'gp',
  'social_district_team',
  'youth_care',
  'victim_support',
];

/** Contact channels, phone first (helpline traffic), then WhatsApp and e-mail. */
export const contactChannel = weighted(
  ['phone', 'whatsapp', 'email', 'web_callback', 'walk_in'] as const,
  [55, 22, 12, 8, 3],
);

/** Follow-up conversations in a case: more meetings and visits than at intake. */
export const logChannel = weighted(
  ['phone', 'whatsapp', 'email', 'walk_in', 'meeting'] as const,
  [45, 25, 8, 7, 15],
);

/** Conversation languages: Dutch mostly, then Darija, Arabic, Turkish, Somali, Tarifit, English. */
export const conversationLanguage = weighted(
  ['nl', 'ary', 'ar', 'tr', 'so', 'rif', 'en', 'fa', 'ku', 'ti'] as const,
  [62, 9, 7, 7, 4, 4, 3, 2, 1, 1],
);

/** Category codes C1..C8: signals of radicalising behaviour and questions most, departures and returns rare. */
export const CATEGORY_WEIGHTS: Record<string, number> = {
  C1: 40,
  C2: 6,
  C3: 3,
  C4: 4,
  C5: 15,
  C6: 12,
  C7: 12,
  C8: 8,
};

export const ageBand = weighted(
  ['under_12', '12_15', '16_17', '18_22', '23_29', '30_plus', 'unknown'] as const,
  [2, 18, 26, 28, 12, 4, 10],
);

export const subjectStatus = weighted(
  ['at_home', 'concerns_reported', 'departed', 'abroad', 'detained', 'returned', 'unknown'] as const,
  [60, 20, 2, 2, 2, 3, 11],
);

export const supportLevel = weighted(['light', 'moderate', 'intensive'] as const, [45, 40, 15]);
