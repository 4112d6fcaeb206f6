import { z } from 'zod';

// The field schemas live in the contracts the web app shares; they are re-exported here for the API's other inputs.
export { isoDate, letterDate, moneySchema, planningDate, stateCodeSchema, taxonomyCode, taxonomyCodes, text } from '@app/contracts';

/** A comma-separated list in a query string (`?status=draft,submitted`), each part validated. */
export const csvList = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(500)
    .transform((s) => s.split(',').map((p) => p.trim()).filter(Boolean))
    .pipe(z.array(item).max(20));
