import type { z } from 'zod';
import { listOffersSchema } from '../../offers/dto/offer.schemas';
import { listRequestsSchema } from '../../requests/dto/request.schemas';

// The list filters and sort without pagination: a CSV export holds every row the filters select.
export const requestsCsvSchema = listRequestsSchema.omit({ page: true, pageSize: true });
export type RequestsCsvQuery = z.infer<typeof requestsCsvSchema>;

export const offersCsvSchema = listOffersSchema.omit({ page: true, pageSize: true });
export type OffersCsvQuery = z.infer<typeof offersCsvSchema>;
