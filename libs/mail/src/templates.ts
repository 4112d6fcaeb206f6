import Handlebars from 'handlebars';
import { DEFAULT_LOCALE, localeOf, RTL_LOCALES, translator } from '@app/i18n';
import { NOTIFICATION_CATEGORIES, type NotificationCategory } from './categories';

export interface MailFact {
  label: string;
  value: string;
  /** How to word it again in another language (notification-text.ts wordFacts); stored with the notification. */
  labelKey?: string;
  /** A status's catalogue key (`status.request.closed`). */
  valueKey?: string;
  /** A close or retirement reason's code, or a decline's free text. */
  reason?: string;
  /** A State's alpha-3 code and UN name: the value is its name in the reader's language. */
  state?: string;
  stateName?: string;
  /** An ISO calendar date. */
  date?: string;
}

/** One notification as an e-mail: what the inbox shows, plus the subject's key facts and a link. */
export interface NotificationMail {
  category: NotificationCategory;
  title: string;
  body: string;
  facts: MailFact[];
  /** Absolute link into the web app. */
  url: string;
  recipientName: string;
  settingsUrl: string;
  /** The recipient's preferred language (users.preferred_language); English when missing or unknown. */
  language?: string;
}

export interface DigestMail {
  recipientName: string;
  items: { category: NotificationCategory; title: string; body: string; url: string; createdAt: Date }[];
  inboxUrl: string;
  settingsUrl: string;
  language?: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const hbs = Handlebars.create();

// Body text keeps its line breaks: each line becomes an escaped paragraph.
hbs.registerHelper('paragraphs', (text: unknown) =>
  new hbs.SafeString(
    String(text ?? '')
      .split(/\n+/)
      .filter((line) => line.trim())
      .map((line) => `<p style="margin:0 0 12px">${hbs.escapeExpression(line)}</p>`)
      .join(''),
  ),
);

hbs.registerPartial(
  'layoutHtml',
  `<!doctype html>
<html lang="{{lang}}" dir="{{dir}}"><head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1b1f24">
<table role="presentation" width="100%" dir="{{dir}}" style="max-width:640px;margin:0 auto;background:#ffffff;border-radius:6px;border:1px solid #dde2e7">
<tr><td style="padding:16px 24px;background:#1c4e80;color:#ffffff;border-radius:6px 6px 0 0">
<div style="font-size:12px;letter-spacing:.08em;text-transform:uppercase;opacity:.85">{{words.brand}} · {{kicker}}</div>
<div style="font-size:18px;font-weight:bold;margin-top:4px">{{title}}</div></td></tr>
<tr><td style="padding:24px">
<p style="margin:0 0 12px">{{words.greeting}}</p>
{{> @partial-block }}
</td></tr>
<tr><td style="padding:12px 24px;font-size:12px;color:#5b6670;border-top:1px solid #dde2e7">
{{words.footer}}
<a href="{{settingsUrl}}" style="color:#1c4e80">{{words.chooseEmails}}</a> {{words.chooseEmailsHint}}
</td></tr></table></body></html>`,
);

hbs.registerPartial(
  'factsHtml',
  `{{#if facts.length}}<table role="presentation" style="border-collapse:collapse;margin:8px 0 20px;font-size:14px">
{{#each facts}}<tr><th align="start" style="padding-block:4px;padding-inline:0 16px;text-align:start;color:#5b6670;font-weight:normal;vertical-align:top">{{label}}</th><td style="padding:4px 0">{{value}}</td></tr>
{{/each}}</table>{{/if}}`,
);

hbs.registerPartial(
  'buttonHtml',
  `<p style="margin:20px 0 8px"><a href="{{url}}" style="display:inline-block;padding:10px 18px;background:#1c4e80;color:#ffffff;text-decoration:none;border-radius:4px">{{action}}</a></p>
<p style="margin:0;font-size:12px;color:#5b6670">{{orOpen}}</p>`,
);

hbs.registerPartial(
  'layoutText',
  `{{{words.brand}}} · {{{kicker}}}
{{{title}}}

{{{words.greeting}}}

{{> @partial-block }}
--
{{{words.footer}}}
{{{words.chooseEmailsText}}}
`,
);

hbs.registerPartial(
  'factsText',
  `{{#each facts}}{{{label}}}: {{{value}}}
{{/each}}`,
);

const STANDARD_HTML = `{{#> layoutHtml}}{{paragraphs body}}{{> factsHtml}}{{> buttonHtml}}{{/layoutHtml}}`;
const STANDARD_TEXT = `{{#> layoutText}}{{{body}}}

{{> factsText}}
{{{action}}}: {{{url}}}
{{/layoutText}}`;

/**
 * One HTML and one plain-text template per category: the same facts, framed for what the reader does next. The
 * words come from the recipient's catalogue (libs/i18n/src/locales, `mail.*`); the templates hold only structure.
 */
const CATEGORY_TEMPLATES: Record<NotificationCategory, { html: string; text: string }> = {
  requests: { html: STANDARD_HTML, text: STANDARD_TEXT },
  circulations: {
    html: `{{#> layoutHtml}}{{paragraphs body}}{{> factsHtml}}<p style="margin:0 0 12px">{{extra}}</p>{{> buttonHtml}}{{/layoutHtml}}`,
    text: `{{#> layoutText}}{{{body}}}

{{> factsText}}
{{{extra}}}

{{{action}}}: {{{url}}}
{{/layoutText}}`,
  },
  offers: { html: STANDARD_HTML, text: STANDARD_TEXT },
  matches: { html: STANDARD_HTML, text: STANDARD_TEXT },
  reminders: {
    html: `{{#> layoutHtml}}<p style="margin:0 0 12px;padding:8px 12px;background:#fff4e0;border-inline-start:4px solid #e69500">{{extra}}</p>{{paragraphs body}}{{> factsHtml}}{{> buttonHtml}}{{/layoutHtml}}`,
    text: `{{#> layoutText}}{{{extraText}}}

{{{body}}}

{{> factsText}}
{{{action}}}: {{{url}}}
{{/layoutText}}`,
  },
};

const DIGEST_HTML = `{{#> layoutHtml}}<p style="margin:0 0 16px">{{intro}}</p>
{{#each groups}}<h3 style="font-size:15px;margin:20px 0 8px;color:#1c4e80">{{label}}</h3>
<ul style="padding-inline-start:18px;margin:0">{{#each items}}<li style="margin:0 0 10px"><a href="{{url}}" style="color:#1c4e80;font-weight:bold">{{title}}</a><br><span style="font-size:13px;color:#3d4650">{{body}}</span></li>{{/each}}</ul>
{{/each}}{{> buttonHtml url=inboxUrl action=openInbox}}{{/layoutHtml}}`;

const DIGEST_TEXT = `{{#> layoutText}}{{{intro}}}
{{#each groups}}
== {{{label}}} ==
{{#each items}}
* {{{title}}}
  {{{body}}}
  {{{url}}}
{{/each}}{{/each}}
{{{yourInbox}}}
{{/layoutText}}`;

const compiled = Object.fromEntries(
  Object.entries(CATEGORY_TEMPLATES).map(([category, t]) => [
    category,
    { html: hbs.compile(t.html, { strict: false }), text: hbs.compile(t.text, { strict: false }) },
  ]),
) as Record<NotificationCategory, { html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }>;
const digestHtml = hbs.compile(DIGEST_HTML);
const digestText = hbs.compile(DIGEST_TEXT);

/** The words every e-mail shares, in the recipient's language. */
function frame(language: string | undefined, recipientName: string, settingsUrl: string) {
  const locale = localeOf(language) ?? DEFAULT_LOCALE;
  const t = translator(locale);
  return {
    t,
    lang: locale,
    dir: RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr',
    words: {
      brand: t('mail.brand'),
      greeting: t('mail.greeting', { name: recipientName }),
      footer: t('mail.footer'),
      chooseEmails: t('mail.chooseEmails'),
      chooseEmailsHint: t('mail.chooseEmailsHint'),
      chooseEmailsText: t('mail.chooseEmailsText', { url: settingsUrl }),
    },
  };
}

const subjectLine = (prefix: string, s: string): string => `${prefix} ${s.replace(/\s+/g, ' ').trim()}`.slice(0, 200);

export function renderNotificationMail(mail: NotificationMail): RenderedMail {
  const template = compiled[mail.category];
  const { t, ...shared } = frame(mail.language, mail.recipientName, mail.settingsUrl);
  const words = (key: string) => t(`mail.categories.${mail.category}.${key}`);
  const data = {
    ...mail,
    ...shared,
    kicker: words('kicker'),
    action: words('action'),
    orOpen: t('mail.orOpen', { url: mail.url }),
    extra: mail.category === 'circulations' ? words('expressInterest') : mail.category === 'reminders' ? words('banner') : '',
    extraText: mail.category === 'reminders' ? words('bannerText') : '',
  };
  return { subject: subjectLine(t('mail.subjectPrefix'), mail.title), html: template.html(data), text: template.text(data) };
}

export function renderDigestMail(mail: DigestMail): RenderedMail {
  const { t, ...shared } = frame(mail.language, mail.recipientName, mail.settingsUrl);
  const groups = NOTIFICATION_CATEGORIES.map((category) => ({
    label: t(`mail.categories.${category}.label`),
    items: mail.items.filter((i) => i.category === category),
  })).filter((g) => g.items.length);
  const count = mail.items.length;
  const title = t('mail.digest.title', { count });
  const data = {
    ...mail,
    ...shared,
    groups,
    title,
    kicker: t('mail.digest.kicker'),
    intro: t('mail.digest.intro', { count }),
    openInbox: t('mail.digest.openInbox'),
    orOpen: t('mail.orOpen', { url: mail.inboxUrl }),
    yourInbox: t('mail.digest.yourInbox', { url: mail.inboxUrl }),
  };
  return { subject: subjectLine(t('mail.subjectPrefix'), title), html: digestHtml(data), text: digestText(data) };
}
