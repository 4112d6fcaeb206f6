import { z } from 'zod';
import { DOCUMENT_KINDS, DOCUMENT_PARENT_TYPES } from '../document-vocabulary';
import { day, timestamp, uuid } from './common';

/** A document's metadata (GET /documents/:id and the lists); the bytes come from `contentUrl`. */
export const documentViewSchema = z.object({
  id: uuid,
  parentType: z.enum(DOCUMENT_PARENT_TYPES),
  parentId: uuid,
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  language: z.string().nullable(),
  documentDate: day.nullable(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.object({ id: uuid, displayName: z.string() }),
  organization: z.object({ id: uuid, name: z.string(), shortName: z.string() }),
  createdAt: timestamp,
  /** The caller may remove it (its organisation uploaded it and the parent is a draft, or the caller is the Committee). */
  canRemove: z.boolean(),
  /** Download (attachment); `?disposition=inline` previews PDF and images. */
  contentUrl: z.string(),
});
export type DocumentView = z.infer<typeof documentViewSchema>;

/** The documents of one record, newest first, and whether the caller may add one. */
export const documentListSchema = z.object({
  items: z.array(documentViewSchema),
  canUpload: z.boolean(),
  maxBytes: z.number().int(),
});
export type DocumentList = z.infer<typeof documentListSchema>;
