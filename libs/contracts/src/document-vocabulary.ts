// Documents' closed lists (DESIGN §4b), zod-free so the web app's first load can carry them.

export const DOCUMENT_KINDS = ['note_verbale', 'letter', 'action_plan', 'national_report', 'terms_of_reference', 'delivery_report', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * What an upload is for, when it is not an ordinary document of its record. `correspondence`: a request's
 * attachment to a message of its thread, uploaded before the message names it, and hidden from providers from that
 * moment (apps/api/src/documents/correspondence-documents.ts).
 */
export const DOCUMENT_PURPOSES = ['correspondence'] as const;
export type DocumentPurpose = (typeof DOCUMENT_PURPOSES)[number];

/**
 * What a document may hang on. The API serves the types it has a parent resolver for
 * (apps/api/src/documents/document-parents.ts); the others are reserved for the record types still to come.
 */
export const DOCUMENT_PARENT_TYPES = ['request', 'offer', 'match', 'action_plan', 'action_plan_item', 'engagement'] as const;
export type DocumentParentType = (typeof DOCUMENT_PARENT_TYPES)[number];

/** The types an upload may have, found from the bytes, never from the name (apps/api/src/documents/content-sniffer.ts). */
export const DOCUMENT_FILE_TYPES = ['pdf', 'docx', 'xlsx', 'odt', 'ods', 'png', 'jpeg', 'txt', 'csv'] as const;
export type DocumentFileType = (typeof DOCUMENT_FILE_TYPES)[number];

/** Types a browser may show in place (preview); everything else is only downloaded. */
export const DOCUMENT_PREVIEW_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
