import { sqlList, sqlValue } from '@app/common';
import type { DocumentParentType } from '@app/contracts';
import type { ThreadType } from '@app/database';
import { isProvider, type RequestAction } from '@app/domain';
import type { AuthUser } from '../auth/auth-user';

// Typed, so that renaming the parent or thread type or the letter actions fails to compile here (history's subject
// types are plain strings, as in HistoryService.forSubject).
const REQUEST = sqlValue('request' satisfies DocumentParentType);
const REQUEST_THREAD = sqlValue('request' satisfies ThreadType);
const LETTER_ACTIONS = sqlList(['record_objection', 'record_waiver'] satisfies RequestAction[]);

/**
 * True (SQL) when the document `alias` carries the State–Committee correspondence on its request: one uploaded for
 * the thread (`purpose=correspondence`, flagged from the upload on, before any message names it), a message's
 * attachment in the request's thread, or the letter an objection or waiver rests on — standing (the request's
 * columns) or withdrawn (the history keeps it). The references have no foreign key, so they are looked up here.
 */
function isRequestCorrespondence(alias: string): string {
  return `${alias}.parent_type = ${REQUEST} AND (
      ${alias}.for_correspondence
   OR EXISTS (SELECT 1 FROM thread_messages tm
               WHERE tm.thread_type = ${REQUEST_THREAD} AND tm.thread_id = ${alias}.parent_id AND tm.document_id = ${alias}.id)
   OR EXISTS (SELECT 1 FROM assistance_requests cr
               WHERE cr.id = ${alias}.parent_id AND ${alias}.id IN (cr.objection_document_id, cr.waiver_document_id))
   OR EXISTS (SELECT 1 FROM history_entries ch
               WHERE ch.subject_type = 'request' AND ch.subject_id = ${alias}.parent_id
                 AND ch.action IN ${LETTER_ACTIONS} AND ch.details->>'documentId' = ${alias}.id::text))`;
}

/**
 * A condition (SQL, to AND onto a query of `documents ${alias}`) that keeps from a provider the documents of a
 * request's correspondence: a provider never sees a request's thread (docs/correspondence.md), so neither what
 * travels in it. Everyone else: no condition.
 */
export function correspondenceVisibleTo(user: AuthUser, alias = 'd'): string {
  return isProvider(user.role) ? `NOT (${isRequestCorrespondence(alias)})` : 'TRUE';
}
