import { z } from 'zod';
import { uuidParam } from '@app/common';

/** `?offerId=` of GET /requests/:id/matches/explain. */
export const explainQuerySchema = z.strictObject({ offerId: uuidParam });
export type ExplainQuery = z.infer<typeof explainQuerySchema>;
