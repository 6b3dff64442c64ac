import { CONVERSATION_LANGUAGE_NAMES } from '../../../shared/language-names.js';
import type { SiteLanguage, SitePage } from '../../../shared/public-site.schema.js';

/** The public site's own words (navigation, form, notes), per language; page content comes from the admin. */
export interface SiteStrings {
  siteName: string;
  skip: string;
  languageNav: string;
  mainNav: string;
  nav: Record<SitePage | 'callback', string>;
  fallbackNote: string;
  meetingsTitle: string;
  meetingsEmpty: string;
  /** Before the languages a meeting is held in. */
  meetingLanguage: string;
  /** An installation whose organisation has not been set up (or has published nothing) yet. */
  comingSoonTitle: string;
  comingSoonBody: string;
  notFoundTitle: string;
  notFoundBody: string;
  emergency: string;
  form: {
    title: string;
    intro: string;
    alias: string;
    aliasHint: string;
    phone: string;
    phoneHint: string;
    language: string;
    safeTimes: string;
    safeTimesHint: string;
    message: string;
    messageYes: string;
    messageNo: string;
    question: string;
    questionHint: string;
    trap: string;
    send: string;
    errorsTitle: string;
    errors: Record<'required' | 'too_long' | 'invalid_phone' | 'invalid' | 'expired', string>;
  };
  sent: { title: string; body: string[] };
  tooMany: { title: string; body: string };
}

const nl: SiteStrings = {
  siteName: 'Hulplijn voor ouders en familie',
  skip: 'Naar de inhoud',
  languageNav: 'Taal',
  mainNav: 'Menu',
  nav: {
    home: 'Home',
    'how-it-works': 'Hoe het werkt',
    confidentiality: 'Vertrouwelijkheid',
    privacy: 'Privacy',
    contact: 'Contact',
    callback: 'Bel mij terug',
  },
  fallbackNote: 'Deze pagina is nog niet vertaald. Je leest de Nederlandse tekst.',
  meetingsTitle: 'Komende voorlichtingsbijeenkomsten',
  meetingsEmpty: 'Er zijn op dit moment geen bijeenkomsten gepland.',
  meetingLanguage: 'Taal',
  comingSoonTitle: 'Deze site is nog in voorbereiding',
  comingSoonBody: 'De hulplijn zet deze website binnenkort online. Kom later nog eens terug.',
  notFoundTitle: 'Pagina niet gevonden',
  notFoundBody: 'Deze pagina bestaat niet.',
  emergency: 'Bij direct gevaar: bel 112.',
  form: {
    title: 'Vraag een terugbelverzoek aan',
    intro: 'Laat een nummer achter en wij bellen je terug. Je hoeft je echte naam niet te geven.',
    alias: 'Schuilnaam',
    aliasHint: 'Geen echte naam: verzin een naam waarmee we je kunnen aanspreken.',
    phone: 'Telefoonnummer',
    phoneHint: 'Bijvoorbeeld 06 12345678 of +32 470 12 34 56.',
    language: 'In welke taal wil je gebeld worden?',
    safeTimes: 'Wanneer kunnen we veilig bellen?',
    safeTimesHint: 'Bijvoorbeeld: doordeweeks tussen 10 en 12 uur.',
    message: 'Mogen we een bericht inspreken als je niet opneemt?',
    messageYes: 'Ja',
    messageNo: 'Nee, liever niet',
    question: 'Je vraag in het kort (niet verplicht)',
    questionHint: 'Hooguit 1.000 tekens. Schrijf geen namen.',
    trap: 'Laat dit veld leeg',
    send: 'Verstuur',
    errorsTitle: 'Controleer de volgende velden:',
    errors: {
      required: 'Vul dit veld in.',
      too_long: 'Dit is te lang.',
      invalid_phone: 'Dit is geen geldig telefoonnummer.',
      invalid: 'Kies een van de mogelijkheden.',
      expired: 'Het formulier is verlopen. Verstuur het nog een keer.',
    },
  },
  sent: {
    title: 'Bedankt, je verzoek is verstuurd',
    body: [
      'Een coördinator belt je terug op een van de tijden die je opgaf, in de taal die je koos.',
      'Meestal bellen we binnen twee werkdagen. We laten alleen een bericht achter als je dat goed vond.',
      'Bij direct gevaar: bel 112.',
    ],
  },
  tooMany: {
    title: 'Even wachten',
    body: 'Er zijn vanaf deze verbinding veel verzoeken verstuurd. Probeer het later opnieuw of bel ons.',
  },
};

const en: SiteStrings = {
  siteName: 'Helpline for parents and families',
  skip: 'Skip to content',
  languageNav: 'Language',
  mainNav: 'Menu',
  nav: {
    home: 'Home',
    'how-it-works': 'How it works',
    confidentiality: 'Confidentiality',
    privacy: 'Privacy',
    contact: 'Contact',
    callback: 'Call me back',
  },
  fallbackNote: 'This page has not been translated yet. You are reading the Dutch text.',
  meetingsTitle: 'Upcoming public information meetings',
  meetingsEmpty: 'No meetings are planned at the moment.',
  meetingLanguage: 'Language',
  comingSoonTitle: 'This site is being prepared',
  comingSoonBody: 'The helpline will put this website online soon. Please come back later.',
  notFoundTitle: 'Page not found',
  notFoundBody: 'This page does not exist.',
  emergency: 'In immediate danger: call 112.',
  form: {
    title: 'Ask us to call you back',
    intro: 'Leave a number and we will call you back. You do not have to give your real name.',
    alias: 'Made-up name',
    aliasHint: 'Not your real name: make up a name we can call you by.',
    phone: 'Phone number',
    phoneHint: 'For example 06 12345678 or +32 470 12 34 56.',
    language: 'Which language should we call you in?',
    safeTimes: 'When is it safe to call you?',
    safeTimesHint: 'For example: weekdays between 10 and 12.',
    message: 'May we leave a message if you do not answer?',
    messageYes: 'Yes',
    messageNo: 'No, please do not',
    question: 'Your question in short (optional)',
    questionHint: 'At most 1,000 characters. Do not write names.',
    trap: 'Leave this field empty',
    send: 'Send',
    errorsTitle: 'Please check these fields:',
    errors: {
      required: 'Please fill this in.',
      too_long: 'This is too long.',
      invalid_phone: 'This is not a valid phone number.',
      invalid: 'Choose one of the options.',
      expired: 'The form has expired. Please send it again.',
    },
  },
  sent: {
    title: 'Thank you, your request has been sent',
    body: [
      'A coordinator will call you back at one of the times you gave, in the language you chose.',
      'We usually call within two working days. We only leave a message if you said we may.',
      'In immediate danger: call 112.',
    ],
  },
  tooMany: {
    title: 'Please wait',
    body: 'Many requests have been sent from this connection. Please try again later, or call us.',
  },
};

const ar: SiteStrings = {
  siteName: 'خط مساعدة للآباء والعائلات',
  skip: 'انتقل إلى المحتوى',
  languageNav: 'اللغة',
  mainNav: 'القائمة',
  nav: {
    home: 'الرئيسية',
    'how-it-works': 'كيف نعمل',
    confidentiality: 'السرية',
    privacy: 'الخصوصية',
    contact: 'اتصل بنا',
    callback: 'اتصلوا بي',
  },
  fallbackNote: 'لم تُترجم هذه الصفحة بعد. أنت تقرأ النص الهولندي.',
  meetingsTitle: 'لقاءات التوعية القادمة',
  meetingsEmpty: 'لا توجد لقاءات مخطط لها حالياً.',
  meetingLanguage: 'اللغة',
  comingSoonTitle: 'هذا الموقع قيد الإعداد',
  comingSoonBody: 'سينشر خط المساعدة هذا الموقع قريباً. يرجى العودة لاحقاً.',
  notFoundTitle: 'الصفحة غير موجودة',
  notFoundBody: 'هذه الصفحة غير موجودة.',
  emergency: 'في حالة الخطر المباشر: اتصل بالرقم 112.',
  form: {
    title: 'اطلب أن نتصل بك',
    intro: 'اترك رقماً وسنعاود الاتصال بك. لا تحتاج إلى ذكر اسمك الحقيقي.',
    alias: 'اسم مستعار',
    aliasHint: 'ليس اسمك الحقيقي: اختر اسماً نناديك به.',
    phone: 'رقم الهاتف',
    phoneHint: 'مثلاً 06 12345678 أو ‎+32 470 12 34 56‎.',
    language: 'بأي لغة تريد أن نتصل بك؟',
    safeTimes: 'متى يكون الاتصال بك آمناً؟',
    safeTimesHint: 'مثلاً: أيام الأسبوع بين 10 و12.',
    message: 'هل يمكننا ترك رسالة صوتية إذا لم تُجب؟',
    messageYes: 'نعم',
    messageNo: 'لا، أفضّل ألا تتركوا رسالة',
    question: 'سؤالك باختصار (اختياري)',
    questionHint: 'ألف حرف على الأكثر. لا تكتب أسماء.',
    trap: 'اترك هذا الحقل فارغاً',
    send: 'أرسل',
    errorsTitle: 'يرجى التحقق من هذه الحقول:',
    errors: {
      required: 'يرجى ملء هذا الحقل.',
      too_long: 'هذا طويل جداً.',
      invalid_phone: 'هذا ليس رقم هاتف صحيحاً.',
      invalid: 'اختر أحد الخيارات.',
      expired: 'انتهت صلاحية النموذج. يرجى إرساله مرة أخرى.',
    },
  },
  sent: {
    title: 'شكراً، تم إرسال طلبك',
    body: [
      'سيتصل بك منسق في أحد الأوقات التي ذكرتها، باللغة التي اخترتها.',
      'عادةً نتصل خلال يومي عمل. لا نترك رسالة إلا إذا سمحت بذلك.',
      'في حالة الخطر المباشر: اتصل بالرقم 112.',
    ],
  },
  tooMany: {
    title: 'يرجى الانتظار',
    body: 'أُرسلت طلبات كثيرة من هذا الاتصال. يرجى المحاولة لاحقاً أو الاتصال بنا.',
  },
};

const tr: SiteStrings = {
  siteName: 'Anne babalar ve aileler için yardım hattı',
  skip: 'İçeriğe geç',
  languageNav: 'Dil',
  mainNav: 'Menü',
  nav: {
    home: 'Ana sayfa',
    'how-it-works': 'Nasıl çalışıyoruz',
    confidentiality: 'Gizlilik',
    privacy: 'Kişisel veriler',
    contact: 'İletişim',
    callback: 'Beni geri arayın',
  },
  fallbackNote: 'Bu sayfa henüz çevrilmedi. Felemenkçe metni okuyorsunuz.',
  meetingsTitle: 'Yaklaşan bilgilendirme toplantıları',
  meetingsEmpty: 'Şu anda planlanmış bir toplantı yok.',
  meetingLanguage: 'Dil',
  comingSoonTitle: 'Bu site hazırlanıyor',
  comingSoonBody: 'Yardım hattı bu web sitesini yakında yayına alacak. Lütfen daha sonra tekrar gelin.',
  notFoundTitle: 'Sayfa bulunamadı',
  notFoundBody: 'Bu sayfa mevcut değil.',
  emergency: 'Acil tehlikede: 112’yi arayın.',
  form: {
    title: 'Sizi geri aramamızı isteyin',
    intro: 'Bir numara bırakın, sizi geri arayalım. Gerçek adınızı vermeniz gerekmez.',
    alias: 'Takma ad',
    aliasHint: 'Gerçek adınız değil: size hitap edebileceğimiz bir ad uydurun.',
    phone: 'Telefon numarası',
    phoneHint: 'Örneğin 06 12345678 veya +32 470 12 34 56.',
    language: 'Hangi dilde aranmak istersiniz?',
    safeTimes: 'Sizi ne zaman güvenle arayabiliriz?',
    safeTimesHint: 'Örneğin: hafta içi 10 ile 12 arası.',
    message: 'Açmazsanız sesli mesaj bırakabilir miyiz?',
    messageYes: 'Evet',
    messageNo: 'Hayır, bırakmayın',
    question: 'Kısaca sorunuz (isteğe bağlı)',
    questionHint: 'En fazla 1.000 karakter. İsim yazmayın.',
    trap: 'Bu alanı boş bırakın',
    send: 'Gönder',
    errorsTitle: 'Lütfen şu alanları kontrol edin:',
    errors: {
      required: 'Lütfen bu alanı doldurun.',
      too_long: 'Bu çok uzun.',
      invalid_phone: 'Bu geçerli bir telefon numarası değil.',
      invalid: 'Seçeneklerden birini seçin.',
      expired: 'Formun süresi doldu. Lütfen tekrar gönderin.',
    },
  },
  sent: {
    title: 'Teşekkürler, talebiniz gönderildi',
    body: [
      'Bir koordinatör sizi belirttiğiniz saatlerden birinde, seçtiğiniz dilde geri arayacak.',
      'Genellikle iki iş günü içinde ararız. Yalnızca izin verdiyseniz mesaj bırakırız.',
      'Acil tehlikede: 112’yi arayın.',
    ],
  },
  tooMany: {
    title: 'Lütfen bekleyin',
    body: 'Bu bağlantıdan çok sayıda talep gönderildi. Lütfen daha sonra tekrar deneyin ya da bizi arayın.',
  },
};

export const SITE_STRINGS: Readonly<Record<SiteLanguage, SiteStrings>> = { nl, en, ar, tr };

/** Each language's name in itself, for the language switcher and the form's language choice. */
export const LANGUAGE_SELF_NAMES: Readonly<Record<SiteLanguage, string>> = {
  nl: 'Nederlands',
  en: 'English',
  ar: 'العربية',
  tr: 'Türkçe',
};

/** A meeting language's name in the visitor's language (an unknown code is shown as it is). */
export function meetingLanguageName(lang: SiteLanguage, code: string): string {
  return (CONVERSATION_LANGUAGE_NAMES[lang] as Readonly<Record<string, string>>)[code] ?? code;
}
