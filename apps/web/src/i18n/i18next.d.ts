import type { VALIDATION_MESSAGES } from '@app/contracts';
import type en from './en.json';

// English is the reference catalogue: t() only accepts keys that exist in en.json, or in the validation messages
// the web app shares with the API (added to English in ./index.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en & { validation: typeof VALIDATION_MESSAGES } };
  }
}
