// The server's catalogues (e-mails, inbox items, API messages, taxonomy labels), the ICU helpers, the pseudo-locale's
// generator, and what the web app shares (./browser). docs/i18n.md tells how to add a string or a locale.
export * from './browser';
export * from './icu';
export * from './catalogues';
export * from './pseudo';
