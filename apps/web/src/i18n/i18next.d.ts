import type en from './en.json';

// English is the reference catalogue: t() only accepts keys that exist in en.json.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
