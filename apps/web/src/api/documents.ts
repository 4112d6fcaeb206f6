import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { DocumentList, DocumentView, uploadDocumentFieldsSchema } from '@app/contracts';
import { DOCUMENT_KINDS, DOCUMENT_PREVIEW_TYPES, type DocumentKind } from '@app/contracts/vocabulary';
import { api, API_BASE, ApiError, NETWORK_ERROR_STATUS, type ApiErrorBody } from './client';

export { DOCUMENT_KINDS };
export type { DocumentKind, DocumentList, DocumentView };

/** The record types the API serves documents for; the path segment of each. */
export type DocumentParent = 'request' | 'offer' | 'match' | 'action_plan' | 'action_plan_item' | 'engagement';
const SEGMENT: Record<DocumentParent, string> = {
  request: 'requests',
  offer: 'offers',
  match: 'matches',
  action_plan: 'action-plans',
  action_plan_item: 'action-plan-items',
  engagement: 'engagements',
};

export const documentKeys = {
  of: (parent: DocumentParent, id: string) => ['documents', parent, id] as const,
};

export const documentsQuery = (parent: DocumentParent, id: string) =>
  queryOptions({
    queryKey: documentKeys.of(parent, id),
    queryFn: ({ signal }) => api.get<DocumentList>(`/${SEGMENT[parent]}/${id}/documents`, { signal }),
  });

export function isPreviewable(document: DocumentView): boolean {
  return (DOCUMENT_PREVIEW_TYPES as readonly string[]).includes(document.contentType);
}

/** Where the browser shows a PDF or an image in place (the API answers attachment for everything else). */
export const previewUrl = (document: DocumentView) => `${document.contentUrl}?disposition=inline`;

/** The form fields of an upload, sent before the file. */
export type UploadFields = z.input<typeof uploadDocumentFieldsSchema>;

/**
 * Uploads one file as multipart/form-data with XMLHttpRequest, whose upload events give the progress fetch does
 * not. The fields go first: the API checks them before it stores a byte of the file.
 */
export function uploadDocument(
  parent: DocumentParent,
  id: string,
  fields: UploadFields,
  file: File,
  onProgress: (fraction: number) => void,
): { done: Promise<DocumentView>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<DocumentView>((resolve, reject) => {
    const form = new FormData();
    form.append('kind', fields.kind);
    form.append('title', fields.title);
    if (fields.language) form.append('language', fields.language);
    if (fields.date) form.append('date', fields.date);
    if (fields.purpose) form.append('purpose', fields.purpose);
    form.append('file', file, file.name);
    xhr.open('POST', `${API_BASE}/${SEGMENT[parent]}/${id}/documents`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as DocumentView);
      const error = (body ?? {}) as Partial<ApiErrorBody>;
      reject(new ApiError({ statusCode: xhr.status, error: error.error ?? xhr.statusText, message: error.message ?? `HTTP ${xhr.status}`, details: error.details }));
    };
    xhr.onerror = () => reject(new ApiError({ statusCode: NETWORK_ERROR_STATUS, error: 'Network Error', message: 'The upload did not reach the server' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

export const removeDocument = (id: string) => api.delete<void>(`/documents/${id}`);
