import type { Kysely } from 'kysely';
import type { SiteLanguage, SitePage } from '../../../shared/public-site.schema.js';
import { countSeedPageVersions, insertSeedPageVersion } from './public-site.repository.js';

interface SeedPage {
  title: string;
  body: string;
}

/**
 * Starter content every organisation begins with, written for this project: short, plain, and meant to be
 * rewritten by the helpline. The phone number is a placeholder the admin replaces on the contact page.
 */
const SEED_PAGES: Readonly<Record<SitePage, Readonly<Record<SiteLanguage, SeedPage>>>> = {
  home: {
    nl: {
      title: 'Zorgen om je kind? Bel ons.',
      body: `Maak je je zorgen omdat je zoon, dochter of ander familielid andere ideeën krijgt, zich terugtrekt of misschien wil vertrekken? Je staat er niet alleen voor.

Wij zijn een hulplijn voor ouders en familie. Vrijwilligers uit je eigen gemeenschap luisteren, denken mee en helpen je verder — in je eigen taal.

- Gratis en vertrouwelijk
- Je hoeft je echte naam niet te geven
- Wij doen niets zonder jouw toestemming

[Hoe het werkt](how-it-works) · [Vraag een terugbelverzoek aan](callback)`,
    },
    en: {
      title: 'Worried about your child? Call us.',
      body: `Are you worried because your son, daughter or another relative is taking up new ideas, withdrawing, or may want to leave? You are not alone.

We are a helpline for parents and families. Volunteers from your own community listen, think along with you and help you further — in your own language.

- Free and confidential
- You do not have to give your real name
- We do nothing without your consent

[How it works](how-it-works) · [Ask us to call you back](callback)`,
    },
    ar: {
      title: 'هل أنت قلق على ابنك أو ابنتك؟ اتصل بنا.',
      body: `هل تشعر بالقلق لأن ابنك أو ابنتك أو أحد أقاربك يتبنى أفكاراً جديدة أو ينعزل أو ربما يريد السفر؟ لست وحدك.

نحن خط مساعدة للآباء والأمهات والعائلات. متطوعون من مجتمعك يستمعون إليك ويفكرون معك ويساعدونك — بلغتك.

- مجاني وسري
- لا تحتاج إلى ذكر اسمك الحقيقي
- لا نفعل شيئاً دون موافقتك

[كيف نعمل](how-it-works) · [اطلب أن نتصل بك](callback)`,
    },
    tr: {
      title: 'Çocuğunuz için endişeli misiniz? Bizi arayın.',
      body: `Oğlunuz, kızınız ya da başka bir yakınınız yeni fikirler edindiği, içine kapandığı veya gitmek isteyebileceği için mi endişelisiniz? Yalnız değilsiniz.

Biz anne babalar ve aileler için bir yardım hattıyız. Kendi topluluğunuzdan gönüllüler sizi dinler, sizinle birlikte düşünür ve size yardımcı olur — kendi dilinizde.

- Ücretsiz ve gizli
- Gerçek adınızı vermeniz gerekmez
- Onayınız olmadan hiçbir şey yapmayız

[Nasıl çalışıyoruz](how-it-works) · [Sizi geri aramamızı isteyin](callback)`,
    },
  },
  'how-it-works': {
    nl: {
      title: 'Hoe het werkt',
      body: `1. **Je belt of vraagt een terugbelverzoek aan.** Een coördinator luistert naar je vraag. Je mag een schuilnaam gebruiken.
2. **Een luisterend oor.** Soms is praten al genoeg. We geven informatie en advies.
3. **Een vertrouwenspersoon voor jou.** Wil je meer steun, dan koppelen we je aan een getrainde vrijwilliger die jouw taal spreekt en je achtergrond en regio kent.
4. **Doorverwijzen alleen met jouw schriftelijke toestemming.** Soms helpt een hulpverlener of instantie. Dat gebeurt alleen als jij dat op papier goedkeurt, en je kunt die toestemming altijd intrekken.`,
    },
    en: {
      title: 'How it works',
      body: `1. **You call or ask for a call back.** A coordinator listens to your question. You may use a made-up name.
2. **A listening ear.** Sometimes talking is enough. We give information and advice.
3. **A counsellor for you.** If you want more support, we link you to a trained volunteer who speaks your language and knows your background and region.
4. **Referral only with your written consent.** Sometimes a care worker or an agency can help. That only happens if you agree in writing, and you can always withdraw your consent.`,
    },
    ar: {
      title: 'كيف نعمل',
      body: `1. **تتصل بنا أو تطلب أن نتصل بك.** يستمع منسق إلى سؤالك. يمكنك استخدام اسم مستعار.
2. **أذن صاغية.** أحياناً يكفي الحديث. نقدم لك المعلومات والنصيحة.
3. **مستشار خاص بك.** إذا أردت دعماً أكبر، نربطك بمتطوع مدرَّب يتحدث لغتك ويعرف خلفيتك ومنطقتك.
4. **لا إحالة إلا بموافقتك الكتابية.** أحياناً يمكن لمختص أو جهة أن تساعد. لا يحدث ذلك إلا إذا وافقت كتابياً، ويمكنك سحب موافقتك في أي وقت.`,
    },
    tr: {
      title: 'Nasıl çalışıyoruz',
      body: `1. **Bizi ararsınız ya da geri arama istersiniz.** Bir koordinatör sorunuzu dinler. Takma bir ad kullanabilirsiniz.
2. **Dinleyen bir kulak.** Bazen konuşmak yeterlidir. Bilgi ve tavsiye veririz.
3. **Size özel bir danışman.** Daha fazla destek isterseniz sizi dilinizi konuşan, geçmişinizi ve bölgenizi bilen eğitimli bir gönüllüyle buluştururuz.
4. **Yönlendirme yalnızca yazılı onayınızla.** Bazen bir uzman ya da kurum yardımcı olabilir. Bu yalnızca yazılı olarak onay verirseniz olur ve onayınızı her zaman geri çekebilirsiniz.`,
    },
  },
  confidentiality: {
    nl: {
      title: 'Vertrouwelijkheid en de grenzen ervan',
      body: `Wat je ons vertelt, blijft bij ons. We delen niets met school, gemeente, politie of anderen zonder jouw schriftelijke toestemming.

**De enige uitzondering** is acuut levensgevaar: als iemands leven direct in gevaar is, kunnen we hulpdiensten inschakelen. Dat besluit neemt nooit één persoon alleen; een tweede collega moet meekijken, en we vertellen het je achteraf, tenzij dat iemand in gevaar brengt.

Bij direct gevaar: bel altijd **112**.`,
    },
    en: {
      title: 'Confidentiality and its limits',
      body: `What you tell us stays with us. We share nothing with a school, the municipality, the police or anyone else without your written consent.

**The only exception** is immediate danger to life: if someone's life is in direct danger, we may call in the emergency services. That decision is never taken by one person alone; a second colleague must agree, and we tell you afterwards unless that would put someone in danger.

In immediate danger: always call **112**.`,
    },
    ar: {
      title: 'السرية وحدودها',
      body: `ما تخبرنا به يبقى عندنا. لا نشارك شيئاً مع المدرسة أو البلدية أو الشرطة أو أي جهة أخرى دون موافقتك الكتابية.

**الاستثناء الوحيد** هو الخطر المباشر على الحياة: إذا كانت حياة شخص ما في خطر مباشر، قد نتصل بخدمات الطوارئ. لا يتخذ هذا القرار شخص واحد أبداً؛ يجب أن يوافق زميل ثانٍ، ونخبرك بعد ذلك إلا إذا كان ذلك يعرّض أحداً للخطر.

في حالة الخطر المباشر: اتصل دائماً بالرقم **112**.`,
    },
    tr: {
      title: 'Gizlilik ve sınırları',
      body: `Bize anlattıklarınız bizde kalır. Yazılı onayınız olmadan okul, belediye, polis ya da başka biriyle hiçbir şey paylaşmayız.

**Tek istisna** hayati tehlikedir: birinin hayatı doğrudan tehlikedeyse acil servisleri çağırabiliriz. Bu kararı asla tek bir kişi vermez; ikinci bir meslektaşın onaylaması gerekir ve birini tehlikeye atmadıkça size sonradan haber veririz.

Acil tehlikede: her zaman **112**'yi arayın.`,
    },
  },
  privacy: {
    nl: {
      title: 'Privacyverklaring',
      body: `- Deze website gebruikt geen cookies, geen analytics en laadt niets van andere websites.
- Als je een terugbelverzoek stuurt, bewaren we je schuilnaam, telefoonnummer, voorkeurstaal, veilige tijden en je vraag versleuteld. Alleen coördinatoren kunnen ze lezen, en elke keer dat iemand ze opent, wordt vastgelegd.
- We bewaren je gegevens niet langer dan nodig. Wil je weten wat we van je hebben, of wil je dat we het wissen? Bel ons.
- We leggen nooit je afkomst of geloof vast.`,
    },
    en: {
      title: 'Privacy statement',
      body: `- This website uses no cookies, no analytics, and loads nothing from other websites.
- If you send a call-back request, we keep your made-up name, phone number, preferred language, safe times and your question encrypted. Only coordinators can read them, and every time someone opens them it is recorded.
- We keep your data no longer than needed. Do you want to know what we hold about you, or want us to erase it? Call us.
- We never record your ethnic origin or religion.`,
    },
    ar: {
      title: 'بيان الخصوصية',
      body: `- لا يستخدم هذا الموقع ملفات تعريف الارتباط ولا أدوات تحليل، ولا يحمّل شيئاً من مواقع أخرى.
- إذا أرسلت طلب معاودة اتصال، نحفظ اسمك المستعار ورقم هاتفك ولغتك المفضلة والأوقات الآمنة وسؤالك بشكل مشفّر. لا يستطيع قراءتها إلا المنسقون، ويُسجَّل كل اطلاع عليها.
- لا نحتفظ ببياناتك أكثر من اللازم. هل تريد معرفة ما لدينا عنك أو حذفه؟ اتصل بنا.
- لا نسجل أبداً أصلك العرقي أو دينك.`,
    },
    tr: {
      title: 'Gizlilik bildirimi',
      body: `- Bu web sitesi çerez ve analiz aracı kullanmaz, başka sitelerden hiçbir şey yüklemez.
- Geri arama talebi gönderirseniz takma adınızı, telefon numaranızı, tercih ettiğiniz dili, güvenli saatleri ve sorunuzu şifreli olarak saklarız. Bunları yalnızca koordinatörler okuyabilir ve her açılış kaydedilir.
- Verilerinizi gerektiğinden uzun saklamayız. Hakkınızda ne tuttuğumuzu öğrenmek ya da silinmesini istemek mi istiyorsunuz? Bizi arayın.
- Etnik kökeninizi ya da dininizi asla kaydetmeyiz.`,
    },
  },
  contact: {
    nl: {
      title: 'Contact en openingstijden',
      body: `**Telefoon:** [088 000 0000](tel:+31880000000)

**Openingstijden:** maandag tot en met vrijdag 9.00–17.00 uur, dinsdag- en donderdagavond tot 21.00 uur.

Buiten openingstijden kun je een [terugbelverzoek](callback) sturen. Bij direct gevaar: bel **112**.`,
    },
    en: {
      title: 'Contact and opening hours',
      body: `**Phone:** [088 000 0000](tel:+31880000000)

**Opening hours:** Monday to Friday 9:00–17:00, Tuesday and Thursday evenings until 21:00.

Outside opening hours you can send a [call-back request](callback). In immediate danger: call **112**.`,
    },
    ar: {
      title: 'الاتصال وأوقات العمل',
      body: `**الهاتف:** [088 000 0000](tel:+31880000000)

**أوقات العمل:** من الاثنين إلى الجمعة من 9:00 إلى 17:00، ومساء الثلاثاء والخميس حتى 21:00.

خارج أوقات العمل يمكنك إرسال [طلب معاودة اتصال](callback). في حالة الخطر المباشر: اتصل بالرقم **112**.`,
    },
    tr: {
      title: 'İletişim ve çalışma saatleri',
      body: `**Telefon:** [088 000 0000](tel:+31880000000)

**Çalışma saatleri:** Pazartesi–Cuma 9.00–17.00, salı ve perşembe akşamları 21.00'e kadar.

Çalışma saatleri dışında [geri arama talebi](callback) gönderebilirsiniz. Acil tehlikede: **112**'yi arayın.`,
    },
  },
};

/**
 * Seeds version 1 of every page in every language, published, for an organisation that has none yet (new
 * organisations at set-up, existing ones in migration 0022). Runs inside the caller's transaction.
 */
export async function seedPublicPages(db: Kysely<unknown>, orgId: string, now: Date): Promise<void> {
  if ((await countSeedPageVersions(db, orgId)) > 0) return;
  for (const [page, byLanguage] of Object.entries(SEED_PAGES)) {
    for (const [language, { title, body }] of Object.entries(byLanguage)) {
      await insertSeedPageVersion(db, orgId, { page, language, title, body }, now);
    }
  }
}
