// What the browser may take from libs/i18n: no file system, no server catalogue loader.
export * from './locales';
export * from './icu';
export * from './intl';
export * from './pseudo';
export * from './state-regions';
