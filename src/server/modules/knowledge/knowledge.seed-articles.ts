import type { KnowledgeCategory, KnowledgeLanguage } from '../../../shared/knowledge.schema.js';

export interface SeedArticle {
  /** Stable key, so that seeding twice (set-up, then the migration or a restart) adds nothing. */
  slug: string;
  category: KnowledgeCategory;
  /** Request-category codes (C1–C10) the article is linked to. */
  termCodes: string[];
  versions: Partial<Record<KnowledgeLanguage, { title: string; body: string }>> & {
    nl: { title: string; body: string };
  };
}

/**
 * A short starter handbook written for Confidant: a starting point that each helpline rewrites in its own
 * words. Dutch and English for every chapter; Arabic and Turkish for the three a counsellor needs most.
 */
export const SEED_ARTICLES: SeedArticle[] = [
  {
    slug: 'method',
    category: 'method',
    termCodes: ['C1', 'C9', 'C10'],
    versions: {
      nl: {
        title: 'Onze werkwijze: van eerste gesprek tot nazorg',
        body: `Ouders en familieleden bellen ons omdat ze zich zorgen maken. Ons werk is vrijwillig en begint altijd bij hun vraag.

## De stappen

1. **Het eerste gesprek.** De coördinator luistert, vraagt naar acuut gevaar en legt uit wat vertrouwelijkheid betekent en waar die ophoudt.
2. **Een vertrouwenspersoon.** We koppelen de familie aan een getrainde vrijwilliger die hun taal spreekt en hun achtergrond begrijpt.
3. **Samen verder.** De vertrouwenspersoon luistert, geeft informatie en coacht ouders in het gesprek met hun kind.
4. **Doorverwijzen alleen met toestemming.** Niets gaat naar een andere organisatie zonder schriftelijke toestemming van de beller.
5. **Nazorg.** Na afsluiting houden we contact, zo vaak als de situatie vraagt.

## Wat we niet doen

We geven geen oordeel over het geloof van de familie en berekenen geen risicoscores. We noteren feiten en wat mensen zelf vertellen.`,
      },
      en: {
        title: 'Our method: from the first call to aftercare',
        body: `Parents and relatives call us because they are worried. Our work is voluntary and always starts from their question.

## The steps

1. **The first call.** The coordinator listens, asks about immediate danger and explains what confidentiality means and where it ends.
2. **A counsellor.** We link the family to a trained volunteer who speaks their language and understands their background.
3. **Working together.** The counsellor listens, gives information and coaches parents in talking with their child.
4. **Referral only with consent.** Nothing goes to another organisation without the caller's written consent.
5. **Aftercare.** After closing, we stay in touch as often as the situation needs.

## What we do not do

We do not judge the family's faith and we do not calculate risk scores. We record facts and what people tell us themselves.`,
      },
      ar: {
        title: 'طريقة عملنا: من المكالمة الأولى إلى المتابعة',
        body: `يتصل بنا الآباء والأقارب لأنهم قلقون. عملنا طوعي ويبدأ دائمًا من سؤالهم.

## الخطوات

1. **المكالمة الأولى.** يستمع المنسق، ويسأل عن وجود خطر مباشر، ويشرح معنى السرية وحدودها.
2. **مرشد موثوق.** نربط العائلة بمتطوع مدرَّب يتحدث لغتهم ويفهم خلفيتهم.
3. **العمل معًا.** يستمع المرشد ويقدم المعلومات ويساعد الوالدين في الحديث مع ابنهم أو ابنتهم.
4. **الإحالة بموافقة فقط.** لا يُرسل أي شيء إلى جهة أخرى دون موافقة مكتوبة من المتصل.
5. **المتابعة.** بعد إغلاق الملف نبقى على تواصل بقدر ما يحتاج الوضع.

## ما لا نفعله

لا نحكم على إيمان العائلة ولا نحسب درجات خطورة. نسجل الحقائق وما يخبرنا به الناس بأنفسهم.`,
      },
      tr: {
        title: 'Çalışma yöntemimiz: ilk görüşmeden takibe',
        body: `Ebeveynler ve aile üyeleri endişelendikleri için bizi arar. Çalışmamız gönüllülüğe dayanır ve her zaman onların sorusuyla başlar.

## Adımlar

1. **İlk görüşme.** Koordinatör dinler, acil tehlike olup olmadığını sorar ve gizliliğin ne anlama geldiğini ve sınırlarını açıklar.
2. **Bir güven kişisi.** Aileyi, dillerini konuşan ve geçmişlerini anlayan eğitimli bir gönüllüyle buluştururuz.
3. **Birlikte ilerlemek.** Güven kişisi dinler, bilgi verir ve ebeveynlere çocuklarıyla konuşmalarında destek olur.
4. **Yönlendirme yalnızca onayla.** Arayanın yazılı onayı olmadan hiçbir bilgi başka bir kuruma gitmez.
5. **Takip.** Dosya kapandıktan sonra da durumun gerektirdiği sıklıkta iletişimde kalırız.

## Yapmadıklarımız

Ailenin inancını yargılamayız ve risk puanı hesaplamayız. Gerçekleri ve insanların kendi anlattıklarını kaydederiz.`,
      },
    },
  },
  {
    slug: 'legal-framework',
    category: 'legal_framework',
    termCodes: ['C3', 'C6'],
    versions: {
      nl: {
        title: 'Juridisch kader in het kort',
        body: `Dit is geen juridisch advies, maar een oriëntatie voor vertrouwenspersonen. Verwijs voor advies naar een advocaat of het Juridisch Loket.

- **Vrijwillig en vertrouwelijk.** Wij zijn geen meldpunt. Wat een beller vertelt, blijft binnen de hulplijn, behalve bij acuut gevaar voor iemands leven.
- **Acuut gevaar.** Dan volgen we het noodpad: een wettelijke grond, een schriftelijke reden en de goedkeuring van een tweede persoon.
- **Strafrecht.** Reizen om je bij een terroristische organisatie aan te sluiten is strafbaar. Familieleden die vragen hebben over een strafzaak verwijzen we naar juridische hulp.
- **Persoonsgegevens.** De AVG geldt voor alles wat we vastleggen: zo min mogelijk, veilig bewaard, en niet langer dan nodig.`,
      },
      en: {
        title: 'The legal framework in brief',
        body: `This is not legal advice but an orientation for counsellors. For advice, refer to a lawyer or a legal aid desk.

- **Voluntary and confidential.** We are not a reporting point. What a caller tells us stays within the helpline, except when someone's life is in acute danger.
- **Acute danger.** Then we follow the emergency path: a legal ground, a written reason and a second person's approval.
- **Criminal law.** Travelling to join a terrorist organisation is a crime. Relatives with questions about a criminal case are referred to legal aid.
- **Personal data.** The GDPR applies to everything we record: as little as possible, kept safely, and no longer than needed.`,
      },
    },
  },
  {
    slug: 'talking-with-child',
    category: 'talking_with_child',
    termCodes: ['C1', 'C2', 'C7'],
    versions: {
      nl: {
        title: 'In gesprek met een kind dat radicaliseert',
        body: `Ouders willen vaak overtuigen of verbieden. Wat meestal beter werkt: contact houden.

## Tips om met ouders te bespreken

- **Blijf in gesprek.** Een kind dat thuis niet meer gehoord wordt, zoekt gehoor bij anderen.
- **Vraag, in plaats van te preken.** "Wat spreekt je daarin aan?" opent meer dan "Dat is fout."
- **Neem de onderliggende zorg serieus.** Onrecht, discriminatie of zingeving zijn echte vragen.
- **Zoek samen bronnen.** Een theoloog of een andere ouder met ervaring kan helpen.
- **Let op broers en zussen.** Kinderen in hetzelfde gezin hebben ook aandacht nodig.

Gesprekken gaan met vallen en opstaan. Moedig ouders aan om na een moeilijk gesprek terug te bellen.`,
      },
      en: {
        title: 'Talking with a child who is radicalising',
        body: `Parents often want to convince or forbid. What usually works better: staying in touch.

## Tips to discuss with parents

- **Keep talking.** A child who is no longer heard at home looks for a hearing elsewhere.
- **Ask rather than preach.** "What appeals to you in it?" opens more than "That is wrong."
- **Take the underlying concern seriously.** Injustice, discrimination or the search for meaning are real questions.
- **Look for support together.** A theologian or another parent with experience can help.
- **Mind brothers and sisters.** The other children in the family need attention too.

Conversations take time and setbacks. Encourage parents to call again after a difficult talk.`,
      },
      ar: {
        title: 'الحديث مع ابن أو ابنة في طريق التطرف',
        body: `كثيرًا ما يريد الوالدان الإقناع أو المنع. وما ينجح عادةً أكثر هو الحفاظ على التواصل.

## نصائح للنقاش مع الوالدين

- **استمروا في الحديث.** الابن الذي لا يجد من يسمعه في البيت يبحث عن من يسمعه في مكان آخر.
- **اسألوا بدل الوعظ.** سؤال "ما الذي يجذبك في ذلك؟" يفتح بابًا أكثر من "هذا خطأ".
- **خذوا القلق الحقيقي بجدية.** الظلم والتمييز والبحث عن المعنى أسئلة حقيقية.
- **ابحثوا عن الدعم معًا.** يمكن لعالم دين أو لأب أو أم لديهم تجربة مشابهة أن يساعدوا.
- **انتبهوا للإخوة والأخوات.** يحتاج الأطفال الآخرون في العائلة إلى الاهتمام أيضًا.

الحوار مع ابنه أو ابنتها يحتاج إلى وقت وصبر. شجعوا الوالدين على الاتصال بنا مجددًا بعد حديث صعب.`,
      },
      tr: {
        title: 'Radikalleşen bir çocukla konuşmak',
        body: `Ebeveynler çoğu zaman ikna etmek ya da yasaklamak ister. Genellikle daha iyi işleyen şey: iletişimi korumaktır.

## Ebeveynlerle konuşulacak öneriler

- **Konuşmaya devam edin.** Evde artık dinlenmeyen bir çocuk, kendisini dinleyecek başkalarını arar.
- **Nasihat yerine soru sorun.** "Bunda seni çeken ne?" sorusu "Bu yanlış" demekten daha çok kapı açar.
- **Altta yatan kaygıyı ciddiye alın.** Adaletsizlik, ayrımcılık ya da anlam arayışı gerçek sorulardır.
- **Birlikte destek arayın.** Bir ilahiyatçı ya da benzer deneyimi olan bir ebeveyn yardımcı olabilir.
- **Kardeşleri unutmayın.** Ailedeki diğer çocukların da ilgiye ihtiyacı vardır.

Konuşmalar zaman alır ve inişli çıkışlıdır. Zor bir konuşmadan sonra ebeveynleri tekrar aramaya teşvik edin.`,
      },
    },
  },
  {
    slug: 'signals-protective-factors',
    category: 'signals_protective',
    termCodes: ['C1', 'C2'],
    versions: {
      nl: {
        title: 'Signalen en beschermende factoren',
        body: `We noteren feiten en wat de beller zelf ziet, geen oordelen en geen scores. Eén signaal zegt weinig; een verandering in samenhang zegt meer.

## Signalen die ouders noemen

- Plotselinge breuk met vrienden of familie
- Alleen nog contact met een nieuwe, besloten groep, vaak online
- Het afwijzen van iedereen die anders denkt
- Gesprekken over vertrek, of geld en papieren die verdwijnen

## Beschermende factoren

- Een vertrouwde volwassene bij wie het kind terecht kan
- School, werk, sport of een club
- Warm contact met broers, zussen of grootouders

Bespreek met de ouders vooral wat er wél goed gaat: daar kunnen ze op bouwen.`,
      },
      en: {
        title: 'Signals and protective factors',
        body: `We record facts and what the caller sees, not judgements and not scores. One signal says little; a change that hangs together says more.

## Signals parents mention

- A sudden break with friends or family
- Contact only with a new, closed group, often online
- Rejecting everyone who thinks differently
- Talk of leaving, or money and papers that disappear

## Protective factors

- A trusted adult the child can turn to
- School, work, sport or a club
- Warm contact with brothers, sisters or grandparents

Talk with parents above all about what does go well: that is what they can build on.`,
      },
    },
  },
  {
    slug: 'bereavement',
    category: 'bereavement',
    termCodes: ['C5'],
    versions: {
      nl: {
        title: 'Rouw en onzekerheid',
        body: `Families van wie een kind is omgekomen of vermist, rouwen vaak alleen. De omgeving oordeelt of zwijgt, en zekerheid over wat er gebeurd is ontbreekt soms jaren.

- **Erken het verlies.** Ook als de omstandigheden pijnlijk of beladen zijn.
- **Ruimte voor tegenstrijdige gevoelens.** Verdriet, boosheid en schaamte kunnen naast elkaar bestaan.
- **Onzekerheid.** Zonder bevestiging van overlijden blijft hoop bestaan; dwing niets af.
- **Lotgenoten.** Contact met andere ouders met dezelfde ervaring helpt veel families.
- **Praktische zaken.** Help bij vragen aan instanties, met toestemming van de familie.`,
      },
      en: {
        title: 'Grief and uncertainty',
        body: `Families whose child has been killed or is missing often grieve alone. People around them judge or fall silent, and certainty about what happened can be missing for years.

- **Acknowledge the loss.** Also when the circumstances are painful or charged.
- **Room for mixed feelings.** Sorrow, anger and shame can exist side by side.
- **Uncertainty.** Without confirmation of death, hope remains; force nothing.
- **Peers.** Contact with other parents with the same experience helps many families.
- **Practical matters.** Help with questions to agencies, with the family's consent.`,
      },
    },
  },
  {
    slug: 'returnees',
    category: 'returnees',
    termCodes: ['C3', 'C4', 'C6'],
    versions: {
      nl: {
        title: 'Als een familielid terugkeert',
        body: `Een terugkeer brengt opluchting én nieuwe zorgen: een strafzaak, kinderen die in een conflictgebied zijn opgegroeid, een gezin dat opnieuw moet leren samenleven.

- **Verwachtingen.** Bespreek met de familie wat er de eerste weken kan gebeuren, zoals verhoren of detentie.
- **Kinderen.** Jonge kinderen krijgen vaak zorg via de jeugdbescherming; de familie kan daarin een rol spelen.
- **Gemeente.** De gemeente coördineert de begeleiding; wij ondersteunen de familie, met hun toestemming in overleg.
- **Zelfzorg.** Ook de familie zelf heeft steun nodig; vergeet de ouders niet.`,
      },
      en: {
        title: 'When a relative returns',
        body: `A return brings relief and new worries: a criminal case, children who grew up in a conflict zone, a family that has to learn to live together again.

- **Expectations.** Discuss with the family what may happen in the first weeks, such as questioning or detention.
- **Children.** Young children often receive care through child protection; the family can play a part in it.
- **Municipality.** The municipality coordinates support; we support the family, consulting others only with their consent.
- **Self-care.** The family needs support too; do not forget the parents.`,
      },
    },
  },
  {
    slug: 'referral-map',
    category: 'referral_map',
    termCodes: ['C6', 'C8'],
    versions: {
      nl: {
        title: 'Verwijskaart: wie doet wat',
        body: `Een overzicht om samen met de familie te kiezen. Verwijs alleen met schriftelijke toestemming; de partnerlijst in Confidant bevat de contactgegevens van jullie regio.

| Vraag | Waarheen |
| --- | --- |
| Zorgen om de psychische gezondheid | huisarts, GGZ |
| Opvoeding, gezinsproblemen | wijkteam, jeugdzorg |
| Vragen over geloof | theoloog of moskee die jullie kennen |
| Lotgenotencontact | ervaringsouders, lotgenotennetwerk |
| Juridische vragen | juridische hulp, advocaat |
| Zorg en veiligheid samen | gemeente, Zorg- en Veiligheidshuis |
| Acuut gevaar | politie (112) — volg het noodpad |`,
      },
      en: {
        title: 'Referral map: who does what',
        body: `An overview to choose from together with the family. Refer only with written consent; the partner list in Confidant holds the contact details for your region.

| Question | Where to |
| --- | --- |
| Worries about mental health | GP, mental health care |
| Parenting, family problems | social district team, youth care |
| Questions about faith | a theologian or mosque you know |
| Peer contact | peer parents, peer network |
| Legal questions | legal aid, a lawyer |
| Care and safety together | municipality, Zorg- en Veiligheidshuis |
| Acute danger | police (112) — follow the emergency path |`,
      },
    },
  },
  {
    slug: 'consent-privacy',
    category: 'consent_privacy',
    termCodes: ['C8', 'C9'],
    versions: {
      nl: {
        title: 'Toestemming en privacy',
        body: `Vertrouwen is de basis van ons werk. Families bellen omdat ze erop rekenen dat we niets zonder hen doen.

## Toestemming

- Schriftelijk, voor een bepaald doel, een bepaalde partner en bepaalde gegevens.
- Altijd in te trekken; een intrekking stopt lopende verwijzingen.
- Leg uit wat er gedeeld wordt, met wie en waarom, in de taal van de beller.

## Privacy

- Gebruik een roepnaam als de beller dat wil.
- Schrijf alleen op wat nodig is voor de hulp.
- Geen casusinformatie in e-mail of berichten.
- De enige uitzondering is acuut gevaar voor een leven, via het noodpad met vier ogen.`,
      },
      en: {
        title: 'Consent and privacy',
        body: `Trust is the basis of our work. Families call because they count on us to do nothing without them.

## Consent

- In writing, for a stated purpose, a stated partner and stated data.
- Always revocable; withdrawing it stops pending referrals.
- Explain what is shared, with whom and why, in the caller's language.

## Privacy

- Use an alias if the caller wishes.
- Write down only what the support needs.
- No case details in e-mails or messages.
- The only exception is acute danger to a life, through the emergency path with four eyes.`,
      },
      ar: {
        title: 'الموافقة والخصوصية',
        body: `الثقة هي أساس عملنا. تتصل بنا العائلات لأنها تعتمد علينا في ألا نفعل شيئًا دون علمها.

## الموافقة

- مكتوبة، لغرض محدد، ولجهة محددة، ولمعلومات محددة.
- يمكن سحبها دائمًا، وسحبها يوقف الإحالات الجارية.
- اشرح ما الذي سيُشارك ومع من ولماذا، بلغة المتصل.

## الخصوصية

- استخدم اسمًا مستعارًا إذا رغب المتصل في ذلك.
- اكتب فقط ما تحتاجه المساعدة.
- لا معلومات عن الملف في البريد الإلكتروني أو الرسائل.
- الاستثناء الوحيد هو الخطر المباشر على الحياة، عبر مسار الطوارئ بموافقة شخص ثانٍ.`,
      },
      tr: {
        title: 'Onay ve gizlilik',
        body: `Güven, çalışmamızın temelidir. Aileler, onlarsız hiçbir şey yapmayacağımıza güvendikleri için bizi arar.

## Onay

- Yazılı olarak, belirli bir amaç, belirli bir kurum ve belirli bilgiler için.
- Her zaman geri alınabilir; geri alınması süren yönlendirmeleri durdurur.
- Neyin, kiminle ve neden paylaşılacağını arayanın dilinde açıklayın.

## Gizlilik

- Arayan isterse takma ad kullanın.
- Yalnızca yardım için gerekeni yazın.
- E-posta veya mesajlarda dosya bilgisi olmasın.
- Tek istisna, hayati tehlike durumudur; bu da dört göz ilkesiyle acil durum yolundan geçer.`,
      },
    },
  },
];
