import { z } from 'zod';
import { matching, rule } from './messages';
import { DOCUMENT_KINDS, DOCUMENT_PURPOSES } from './vocabulary';

/** The form fields sent before the file (multipart/form-data), checked before a byte of the file is stored. */
export const uploadDocumentFieldsSchema = z.strictObject({
  kind: z.enum(DOCUMENT_KINDS, { message: `must be one of ${DOCUMENT_KINDS.join(', ')}` }),
  title: z.string().trim().min(1, 'is required').max(300, 'must be at most 300 characters'),
  language: z
    .string()
    .trim()
    .regex(...matching(/^[a-z]{2,3}$/, 'languageCode'))
    .optional(),
  date: z.iso
    .date('must be a date written YYYY-MM-DD')
    .refine((d) => d >= '1945-01-01' && d <= new Date().toISOString().slice(0, 10), rule('realDate'))
    .optional(),
  /** `correspondence`: for the request's thread, so hidden from providers before a message names it (requests only). */
  purpose: z.enum(DOCUMENT_PURPOSES, { message: `must be one of ${DOCUMENT_PURPOSES.join(', ')}` }).optional(),
});
export type UploadDocumentFields = z.infer<typeof uploadDocumentFieldsSchema>;

/** GET /documents/:id/content: a download, or shown in place. */
export const contentQuerySchema = z.strictObject({
  disposition: z.enum(['attachment', 'inline']).default('attachment'),
});
export type ContentQuery = z.infer<typeof contentQuerySchema>;
