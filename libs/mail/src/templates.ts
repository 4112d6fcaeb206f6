import Handlebars from 'handlebars';
import { CATEGORY_INFO, NotificationCategory } from './categories';

export interface MailFact {
  label: string;
  value: string;
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
}

export interface DigestMail {
  recipientName: string;
  items: { category: NotificationCategory; title: string; body: string; url: string; createdAt: Date }[];
  inboxUrl: string;
  settingsUrl: string;
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
<html lang="en"><head><meta charset="utf-8"><title>{{title}}</title></head>
<body style="margin:0;padding:24px;background:#f4f6f8;font-family:Arial,Helvetica,sans-serif;color:#1b1f24">
<table role="presentation" width="100%" style="max-width:640px;margin:0 auto;background:#ffffff;border-radius:6px;border:1px solid #dde2e7">
<tr><td style="padding:16px 24px;background:#1c4e80;color:#ffffff;border-radius:6px 6px 0 0">
<div style="font-size:12px;letter-spacing:.08em;text-transform:uppercase;opacity:.85">1540 Assistance · {{kicker}}</div>
<div style="font-size:18px;font-weight:bold;margin-top:4px">{{title}}</div></td></tr>
<tr><td style="padding:24px">
<p style="margin:0 0 12px">Dear {{recipientName}},</p>
{{> @partial-block }}
</td></tr>
<tr><td style="padding:12px 24px;font-size:12px;color:#5b6670;border-top:1px solid #dde2e7">
You receive this because of your role on the 1540 assistance platform.
<a href="{{settingsUrl}}" style="color:#1c4e80">Choose which e-mails you get</a> (immediately, in a daily digest, or none); your inbox on the platform keeps everything.
</td></tr></table></body></html>`,
);

hbs.registerPartial(
  'factsHtml',
  `{{#if facts.length}}<table role="presentation" style="border-collapse:collapse;margin:8px 0 20px;font-size:14px">
{{#each facts}}<tr><th align="left" style="padding:4px 16px 4px 0;color:#5b6670;font-weight:normal;vertical-align:top">{{label}}</th><td style="padding:4px 0">{{value}}</td></tr>
{{/each}}</table>{{/if}}`,
);

hbs.registerPartial(
  'buttonHtml',
  `<p style="margin:20px 0 8px"><a href="{{url}}" style="display:inline-block;padding:10px 18px;background:#1c4e80;color:#ffffff;text-decoration:none;border-radius:4px">{{action}}</a></p>
<p style="margin:0;font-size:12px;color:#5b6670">Or open {{url}}</p>`,
);

hbs.registerPartial(
  'layoutText',
  `1540 Assistance · {{{kicker}}}
{{{title}}}

Dear {{{recipientName}}},

{{> @partial-block }}
--
You receive this because of your role on the 1540 assistance platform.
Choose which e-mails you get (immediately, in a daily digest, or none): {{{settingsUrl}}}
`,
);

hbs.registerPartial(
  'factsText',
  `{{#each facts}}{{{label}}}: {{{value}}}
{{/each}}`,
);

/** One HTML and one plain-text template per category: the same facts, framed for what the reader does next. */
const CATEGORY_TEMPLATES: Record<NotificationCategory, { kicker: string; action: string; html: string; text: string }> = {
  requests: {
    kicker: 'Request update',
    action: 'Open the request',
    html: `{{#> layoutHtml}}{{paragraphs body}}{{> factsHtml}}{{> buttonHtml}}{{/layoutHtml}}`,
    text: `{{#> layoutText}}{{{body}}}

{{> factsText}}
Open the request: {{{url}}}
{{/layoutText}}`,
  },
  circulations: {
    kicker: 'Newly circulated request',
    action: 'Read the request and express interest',
    html: `{{#> layoutHtml}}{{paragraphs body}}{{> factsHtml}}<p style="margin:0 0 12px">If one of your programmes can help, express interest from the request's page; the Committee reviews every expression of interest.</p>{{> buttonHtml}}{{/layoutHtml}}`,
    text: `{{#> layoutText}}{{{body}}}

{{> factsText}}
If one of your programmes can help, express interest from the request's page; the Committee reviews every expression of interest.

Read the request: {{{url}}}
{{/layoutText}}`,
  },
  offers: {
    kicker: 'Offer update',
    action: 'Open the offer',
    html: `{{#> layoutHtml}}{{paragraphs body}}{{> factsHtml}}{{> buttonHtml}}{{/layoutHtml}}`,
    text: `{{#> layoutText}}{{{body}}}

{{> factsText}}
Open the offer: {{{url}}}
{{/layoutText}}`,
  },
  matches: {
    kicker: 'Match update',
    action: 'Open the match',
    html: `{{#> layoutHtml}}{{paragraphs body}}{{> factsHtml}}{{> buttonHtml}}{{/layoutHtml}}`,
    text: `{{#> layoutText}}{{{body}}}

{{> factsText}}
Open the match: {{{url}}}
{{/layoutText}}`,
  },
  reminders: {
    kicker: 'Reminder',
    action: 'Take action now',
    html: `{{#> layoutHtml}}<p style="margin:0 0 12px;padding:8px 12px;background:#fff4e0;border-left:4px solid #e69500">This is a reminder: something waits for you.</p>{{paragraphs body}}{{> factsHtml}}{{> buttonHtml}}{{/layoutHtml}}`,
    text: `{{#> layoutText}}REMINDER: something waits for you.

{{{body}}}

{{> factsText}}
Take action: {{{url}}}
{{/layoutText}}`,
  },
};

const DIGEST_HTML = `{{#> layoutHtml}}<p style="margin:0 0 16px">Here is what happened since your last digest ({{count}} notification{{#unless one}}s{{/unless}}).</p>
{{#each groups}}<h3 style="font-size:15px;margin:20px 0 8px;color:#1c4e80">{{label}}</h3>
<ul style="padding-left:18px;margin:0">{{#each items}}<li style="margin:0 0 10px"><a href="{{url}}" style="color:#1c4e80;font-weight:bold">{{title}}</a><br><span style="font-size:13px;color:#3d4650">{{body}}</span></li>{{/each}}</ul>
{{/each}}{{> buttonHtml url=inboxUrl action="Open your inbox"}}{{/layoutHtml}}`;

const DIGEST_TEXT = `{{#> layoutText}}Here is what happened since your last digest ({{count}} notification{{#unless one}}s{{/unless}}).
{{#each groups}}
== {{{label}}} ==
{{#each items}}
* {{{title}}}
  {{{body}}}
  {{{url}}}
{{/each}}{{/each}}
Your inbox: {{{inboxUrl}}}
{{/layoutText}}`;

const compiled = Object.fromEntries(
  Object.entries(CATEGORY_TEMPLATES).map(([category, t]) => [
    category,
    { ...t, html: hbs.compile(t.html, { strict: false }), text: hbs.compile(t.text, { strict: false }) },
  ]),
) as Record<NotificationCategory, { kicker: string; action: string; html: HandlebarsTemplateDelegate; text: HandlebarsTemplateDelegate }>;
const digestHtml = hbs.compile(DIGEST_HTML);
const digestText = hbs.compile(DIGEST_TEXT);

const subjectLine = (s: string): string => `[1540] ${s.replace(/\s+/g, ' ').trim()}`.slice(0, 200);

export function renderNotificationMail(mail: NotificationMail): RenderedMail {
  const t = compiled[mail.category];
  const data = { ...mail, kicker: t.kicker, action: t.action };
  return { subject: subjectLine(mail.title), html: t.html(data), text: t.text(data) };
}

export function renderDigestMail(mail: DigestMail): RenderedMail {
  const groups = (Object.keys(CATEGORY_INFO) as NotificationCategory[])
    .map((category) => ({ label: CATEGORY_INFO[category].label, items: mail.items.filter((i) => i.category === category) }))
    .filter((g) => g.items.length);
  const count = mail.items.length;
  const title = `Your daily digest: ${count} notification${count === 1 ? '' : 's'}`;
  const data = { ...mail, groups, count, one: count === 1, title, kicker: 'Daily digest' };
  return { subject: subjectLine(title), html: digestHtml(data), text: digestText(data) };
}
