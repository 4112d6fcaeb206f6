// What the browser may take from libs/i18n: no file system, no server catalogue loader.
export * from './locales';
// The ICU helpers (./icu: intl-messageformat and its parser) are the server's and the checks'; the web app formats
// messages with its own (apps/web/src/i18n/message-format.ts). Their types are shared.
export type { Catalogue, MessageParams } from './icu';
export * from './intl';
// The pseudo-locale's tag only: its generator (./pseudo, with the ICU parser) is loaded by the web app when asked for.
export * from './pseudo-locale';
export * from './state-regions';
