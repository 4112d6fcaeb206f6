import { z } from 'zod';

/** GET /health/live. */
export const healthLiveSchema = z.object({ status: z.literal('ok') });

/** GET /health/ready: each dependency, and `unavailable` (503) when one does not answer. */
export const healthReadySchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.object({ database: z.enum(['up', 'down']), redis: z.enum(['up', 'down']) }),
});
