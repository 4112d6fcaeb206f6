import { z } from 'zod';

export const taxonomyEntrySchema = z.object({ code: z.string(), label: z.string(), help: z.string() });

/** GET /taxonomy: every code of every category, in display order (libs/domain taxonomy). */
export const taxonomySchema = z.object({
  provisions: z.array(taxonomyEntrySchema),
  domains: z.array(taxonomyEntrySchema),
  assistanceTypes: z.array(taxonomyEntrySchema),
  targetInstitutions: z.array(taxonomyEntrySchema),
  deliveryModes: z.array(taxonomyEntrySchema),
  regions: z.array(taxonomyEntrySchema.extend({ states: z.array(z.string()) })),
  states: z.array(z.object({ code: z.string(), name: z.string(), observer: z.boolean() })),
  languages: z.array(z.object({ code: z.string(), name: z.string() })),
  currencies: z.array(z.object({ code: z.string(), name: z.string(), minorUnits: z.number().int() })),
});
export type TaxonomyView = z.infer<typeof taxonomySchema>;
