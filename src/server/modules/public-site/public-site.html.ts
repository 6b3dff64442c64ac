import { createHash } from 'node:crypto';
import {
  SITE_LANGUAGES,
  SITE_PAGES,
  type SiteLanguage,
  type SitePage,
} from '../../../shared/public-site.schema.js';
import { RTL_LANGUAGES } from '../../../shared/roles.js';
import { LANGUAGE_SELF_NAMES, SITE_STRINGS, type SiteStrings } from './public-site.strings.js';

/**
 * One small stylesheet, inlined and allowed by its hash: mobile first, logical properties so that Arabic
 * mirrors by itself, system fonts only (nothing is fetched), contrast at least 4.5:1.
 */
export const SITE_CSS = `*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Naskh Arabic",Tahoma,sans-serif;color:#1b1b1f;background:#fbfaf7;overflow-wrap:anywhere}a{color:#0b5394}a:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,button:focus-visible{outline:3px solid #b45309;outline-offset:2px}.skip{position:absolute;inset-inline-start:-999px}.skip:focus{inset-inline-start:1rem;top:1rem;background:#fff;padding:.5rem;z-index:1}header,main,footer{max-width:44rem;margin:0 auto;padding:1rem}header{border-bottom:1px solid #d6d3cc}.brand{font-weight:700;font-size:1.15rem;margin:0 0 .5rem}.brand a{color:#1b1b1f;text-decoration:none}nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}nav a{display:inline-block;padding:.35rem 0}nav a[aria-current]{font-weight:700;color:#1b1b1f}.langs{font-size:.95rem;margin-bottom:.5rem}h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:2rem 0 .5rem}.note{background:#fff4d6;border-inline-start:4px solid #b45309;padding:.5rem .75rem}.cta{display:inline-block;background:#0b5394;color:#fff;padding:.6rem 1rem;border-radius:.4rem;text-decoration:none;font-weight:600}form p{margin:0 0 1rem}label,legend{display:block;font-weight:600}fieldset{border:0;padding:0;margin:0 0 1rem}fieldset label{font-weight:400;display:inline-block;margin-inline-end:1rem}input[type=text],input[type=tel],select,textarea{width:100%;font:inherit;padding:.5rem;border:1px solid #6b6b70;border-radius:.3rem;background:#fff;color:inherit}input[type=radio]{width:1.1rem;height:1.1rem;vertical-align:-.15rem}textarea{min-height:7rem}.hint{display:block;color:#4a4a50;font-size:.95rem}.err{display:block;color:#a4161a;font-weight:600}[aria-invalid=true]{border-color:#a4161a;border-width:2px}.errors{border:2px solid #a4161a;padding:.5rem 1rem;margin-bottom:1rem}.trap{position:absolute;inset-inline-start:-9999px;width:1px;height:1px;overflow:hidden}button{font:inherit;font-weight:600;background:#0b5394;color:#fff;border:0;border-radius:.4rem;padding:.65rem 1.4rem;cursor:pointer}footer{border-top:1px solid #d6d3cc;color:#4a4a50;font-size:.95rem}.meetings{padding-inline-start:1.25rem}.meetings li{margin-bottom:.75rem}`;

const CSS_HASH = createHash('sha256').update(SITE_CSS).digest('base64');

/** The public pages' policy: nothing but the inline stylesheet; no script, no fetch, forms post here only. */
export const SITE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${CSS_HASH}'`,
  "img-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export const isRtl = (lang: SiteLanguage) => RTL_LANGUAGES.includes(lang);
export const pagePath = (lang: SiteLanguage, page: SitePage | 'callback' | 'callback/sent') =>
  page === 'home' ? `/${lang}/` : `/${lang}/${page}`;

interface Frame {
  lang: SiteLanguage;
  /** Where this page lives, without the language: 'home', a page, or the form. */
  at: SitePage | 'callback' | 'callback/sent' | null;
  origin: string;
  title: string;
  main: string;
}

function layout({ lang, at, origin, title, main }: Frame): string {
  const s = SITE_STRINGS[lang];
  const alternates =
    at === null
      ? ''
      : SITE_LANGUAGES.map(
          (l) => `<link rel="alternate" hreflang="${l}" href="${esc(origin + pagePath(l, at))}">`,
        ).join('') + `<link rel="alternate" hreflang="x-default" href="${esc(origin + pagePath('nl', at))}">`;
  const languages = SITE_LANGUAGES.map((l) => {
    const current = l === lang ? ' aria-current="true"' : '';
    return `<li><a href="${pagePath(l, at ?? 'home')}" lang="${l}" hreflang="${l}"${current}>${esc(LANGUAGE_SELF_NAMES[l])}</a></li>`;
  }).join('');
  const nav = [...SITE_PAGES, 'callback' as const]
    .map((p) => {
      const current = p === at ? ' aria-current="page"' : '';
      return `<li><a href="${pagePath(lang, p)}"${current}>${esc(s.nav[p])}</a></li>`;
    })
    .join('');
  return `<!doctype html><html lang="${lang}" dir="${isRtl(lang) ? 'rtl' : 'ltr'}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${esc(title)} · ${esc(s.siteName)}</title><meta name="referrer" content="no-referrer">${alternates}<style>${SITE_CSS}</style></head><body><a class="skip" href="#main">${esc(s.skip)}</a><header><p class="brand"><a href="/${lang}/">${esc(s.siteName)}</a></p><nav class="langs" aria-label="${esc(s.languageNav)}"><ul>${languages}</ul></nav><nav aria-label="${esc(s.mainNav)}"><ul>${nav}</ul></nav></header><main id="main">${main}</main><footer><p>${esc(s.emergency)}</p></footer></body></html>`;
}

export interface RenderedPage {
  title: string;
  html: string;
  /** The language the text is in; differs from the page's language when it fell back to Dutch. */
  language: SiteLanguage;
}

/** A content page; `meetings` is set on the home page only (an empty list draws the empty state). */
export function contentPage(args: {
  lang: SiteLanguage;
  page: SitePage;
  origin: string;
  content: RenderedPage;
  meetings?: readonly { title: string; when: string; place: string; languages: string }[];
}): string {
  const { lang, page, origin, content } = args;
  const s = SITE_STRINGS[lang];
  const fellBack = content.language !== lang;
  const note = fellBack ? `<p class="note">${esc(s.fallbackNote)}</p>` : '';
  const body = fellBack
    ? `<div lang="${content.language}" dir="${isRtl(content.language) ? 'rtl' : 'ltr'}"><h1>${esc(content.title)}</h1>${content.html}</div>`
    : `<h1>${esc(content.title)}</h1>${content.html}`;
  const cta =
    page === 'home' || page === 'contact'
      ? `<p><a class="cta" href="${pagePath(lang, 'callback')}">${esc(s.form.title)}</a></p>`
      : '';
  const meetings = args.meetings
    ? `<section aria-labelledby="meetings"><h2 id="meetings">${esc(s.meetingsTitle)}</h2>${
        args.meetings.length
          ? `<ul class="meetings">${args.meetings.map((m) => `<li><strong dir="auto">${esc(m.title)}</strong><br>${esc(m.when)} · ${esc(m.place)}<br>${esc(s.meetingLanguage)}: ${esc(m.languages)}</li>`).join('')}</ul>`
          : `<p>${esc(s.meetingsEmpty)}</p>`
      }</section>`
    : '';
  return layout({ lang, at: page, origin, title: content.title, main: note + body + cta + meetings });
}

export type FormErrorReason = keyof SiteStrings['form']['errors'];
export type FormValues = Partial<
  Record<'alias' | 'phone' | 'language' | 'safeTimes' | 'mayLeaveMessage' | 'question', string>
>;

function field(
  s: SiteStrings,
  name: string,
  label: string,
  control: (describedBy: string, invalid: string) => string,
  error: FormErrorReason | undefined,
  hint?: string,
): string {
  const ids = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const describedBy = ids ? ` aria-describedby="${ids}"` : '';
  return `<p><label for="${name}">${esc(label)}</label>${hint ? `<span class="hint" id="${name}-hint">${esc(hint)}</span>` : ''}${
    error ? `<span class="err" id="${name}-error">${esc(s.form.errors[error])}</span>` : ''
  }${control(describedBy, error ? ' aria-invalid="true"' : '')}</p>`;
}

/** The call-back form: plain HTML, posts to itself, works without JavaScript. */
export function callbackForm(args: {
  lang: SiteLanguage;
  origin: string;
  token: string;
  values?: FormValues;
  errors?: Partial<Record<keyof FormValues | 'form', FormErrorReason>>;
}): string {
  const { lang, origin, token } = args;
  const s = SITE_STRINGS[lang];
  const v = args.values ?? {};
  const e = args.errors ?? {};
  const val = (k: keyof FormValues) => esc(v[k] ?? '');
  const labels: Record<string, string> = {
    alias: s.form.alias,
    phone: s.form.phone,
    language: s.form.language,
    safeTimes: s.form.safeTimes,
    mayLeaveMessage: s.form.message,
    question: s.form.question,
  };
  const listed = Object.entries(e).filter(([k]) => k !== 'form');
  const summary =
    listed.length || e.form
      ? `<div class="errors" role="alert"><p>${esc(e.form ? s.form.errors[e.form] : s.form.errorsTitle)}</p>${
          listed.length
            ? `<ul>${listed.map(([k, r]) => `<li><a href="#${k}">${esc(labels[k] ?? k)}: ${esc(s.form.errors[r])}</a></li>`).join('')}</ul>`
            : ''
        }</div>`
      : '';
  const chosenLanguage = v.language ?? lang;
  const message = v.mayLeaveMessage ?? 'no';
  const main = `<h1>${esc(s.form.title)}</h1><p>${esc(s.form.intro)}</p>${summary}<form method="post" action="${pagePath(lang, 'callback')}" novalidate>${field(
    s,
    'alias',
    s.form.alias,
    (d, i) =>
      `<input type="text" id="alias" name="alias" maxlength="60" autocomplete="off" required value="${val('alias')}"${d}${i}>`,
    e.alias,
    s.form.aliasHint,
  )}${field(
    s,
    'phone',
    s.form.phone,
    (d, i) =>
      `<input type="tel" id="phone" name="phone" maxlength="40" autocomplete="tel" dir="ltr" required value="${val('phone')}"${d}${i}>`,
    e.phone,
    s.form.phoneHint,
  )}${field(
    s,
    'language',
    s.form.language,
    (d, i) =>
      `<select id="language" name="language"${d}${i}>${SITE_LANGUAGES.map(
        (l) =>
          `<option value="${l}" lang="${l}"${l === chosenLanguage ? ' selected' : ''}>${esc(LANGUAGE_SELF_NAMES[l])}</option>`,
      ).join('')}</select>`,
    e.language,
  )}${field(
    s,
    'safeTimes',
    s.form.safeTimes,
    (d, i) =>
      `<input type="text" id="safeTimes" name="safeTimes" maxlength="200" autocomplete="off" required value="${val('safeTimes')}"${d}${i}>`,
    e.safeTimes,
    s.form.safeTimesHint,
  )}<fieldset id="mayLeaveMessage"${e.mayLeaveMessage ? ' aria-describedby="mayLeaveMessage-error"' : ''}><legend>${esc(s.form.message)}</legend>${
    e.mayLeaveMessage
      ? `<span class="err" id="mayLeaveMessage-error">${esc(s.form.errors[e.mayLeaveMessage])}</span>`
      : ''
  }<label><input type="radio" name="mayLeaveMessage" value="yes"${message === 'yes' ? ' checked' : ''}> ${esc(s.form.messageYes)}</label><label><input type="radio" name="mayLeaveMessage" value="no"${message === 'no' ? ' checked' : ''}> ${esc(s.form.messageNo)}</label></fieldset>${field(
    s,
    'question',
    s.form.question,
    (d, i) =>
      `<textarea id="question" name="question" maxlength="1000" rows="5"${d}${i}>${val('question')}</textarea>`,
    e.question,
    s.form.questionHint,
  )}<div class="trap" aria-hidden="true"><label for="website">${esc(s.form.trap)}</label><input type="text" id="website" name="website" tabindex="-1" autocomplete="off"></div><input type="hidden" name="t" value="${esc(token)}"><p><button type="submit">${esc(s.form.send)}</button></p></form>`;
  return layout({ lang, at: 'callback', origin, title: s.form.title, main });
}

export function sentPage(lang: SiteLanguage, origin: string): string {
  const s = SITE_STRINGS[lang];
  const main = `<h1>${esc(s.sent.title)}</h1>${s.sent.body.map((p) => `<p>${esc(p)}</p>`).join('')}<p><a href="/${lang}/">${esc(s.nav.home)}</a></p>`;
  return layout({ lang, at: 'callback/sent', origin, title: s.sent.title, main });
}

export function tooManyPage(lang: SiteLanguage, origin: string): string {
  const s = SITE_STRINGS[lang];
  const main = `<h1>${esc(s.tooMany.title)}</h1><p>${esc(s.tooMany.body)}</p><p><a href="${pagePath(lang, 'contact')}">${esc(s.nav.contact)}</a></p>`;
  return layout({ lang, at: null, origin, title: s.tooMany.title, main });
}

export function notFoundPage(lang: SiteLanguage, origin: string): string {
  const s = SITE_STRINGS[lang];
  const main = `<h1>${esc(s.notFoundTitle)}</h1><p>${esc(s.notFoundBody)}</p><p><a href="/${lang}/">${esc(s.nav.home)}</a></p>`;
  return layout({ lang, at: null, origin, title: s.notFoundTitle, main });
}

/**
 * An installation whose organisation is not set up yet, or has published no home page: a friendly word
 * rather than a 404, in the visitor's language.
 */
export function comingSoonPage(lang: SiteLanguage, origin: string): string {
  const s = SITE_STRINGS[lang];
  const main = `<h1>${esc(s.comingSoonTitle)}</h1><p>${esc(s.comingSoonBody)}</p><p>${esc(s.emergency)}</p>`;
  return layout({ lang, at: 'home', origin, title: s.comingSoonTitle, main });
}
