// The server's catalogues (e-mails, inbox items, API messages, taxonomy labels) and the ICU helpers the web app
// shares (./browser). docs/i18n.md tells how to add a string or a locale.
export * from './browser';
export * from './catalogues';
