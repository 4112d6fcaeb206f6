import { z } from 'zod';
import { stateName } from '@app/domain';

/** ISO 3166-1 alpha-3 code of a State the taxonomy knows. */
export const stateCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as MNG')
  .refine((code) => Boolean(stateName(code)), 'is not a known State code');
