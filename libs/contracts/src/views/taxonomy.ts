import { z } from 'zod';

const entry = z.object({ code: z.string(), label: z.string(), help: z.string() });

/** GET /taxonomy: every code of every category, in display order (libs/domain taxonomy). */
export const taxonomySchema = z.object({
  provisions: z.array(entry),
  domains: z.array(entry),
  assistanceTypes: z.array(entry),
  targetInstitutions: z.array(entry),
  deliveryModes: z.array(entry),
  regions: z.array(entry.extend({ states: z.array(z.string()) })),
  states: z.array(z.object({ code: z.string(), name: z.string(), observer: z.boolean() })),
  languages: z.array(z.object({ code: z.string(), name: z.string() })),
  currencies: z.array(z.object({ code: z.string(), name: z.string(), minorUnits: z.number().int() })),
});
export type TaxonomyView = z.infer<typeof taxonomySchema>;
