import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { invalidFieldIn, invalidIssues, issueSource, localizedError, MESSAGE_SOURCE, notFound, subjectKey } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import {
  DOCUMENT_PREVIEW_TYPES,
  type documentListSchema,
  type DocumentParentType,
  type documentViewSchema,
  type Served,
  type UploadDocumentFields,
  uploadDocumentFieldsSchema,
} from '@app/contracts';
import { DocumentEntity } from '@app/database';
import { isCommittee } from '@app/domain';
import { UnitOfWork } from '@app/outbox';
import type { AuthUser } from '../auth/auth-user';
import { correspondenceVisibleTo } from './correspondence-documents';
import { DocumentParents } from './document-parents';
import { DOCUMENT_STORE, type DocumentStore } from './document-store';
import { safeFileName } from './file-names';
import { receiveMultipart, tooLarge } from './multipart-upload';

export type DocumentView = Served<typeof documentViewSchema>;
export type DocumentListView = Served<typeof documentListSchema>;

/**
 * Uploads that stream at once per API process; the others wait, unread (TCP pushes back on their clients), costing
 * no memory. None holds a database connection while its client sends (each chunk is one short statement), so this
 * bounds memory (a chunk of 256 KB and the socket's buffers each) and write bandwidth, not the pool.
 */
export const UPLOADS_AT_ONCE = 10;

/** Room for the form's boundaries and text fields on top of the file itself, when judging Content-Length. */
const MULTIPART_SLACK = 64 * 1024;

const PARENT_LABEL: Record<DocumentParentType, string> = {
  request: 'Request',
  offer: 'Offer',
  match: 'Match',
  action_plan: 'Action plan',
  action_plan_item: 'Action plan item',
  engagement: 'Engagement',
};

interface DocumentRow {
  id: string;
  parent_type: DocumentParentType;
  parent_id: string;
  kind: DocumentView['kind'];
  title: string;
  language: string | null;
  document_date: string | null;
  file_name: string;
  content_type: string;
  size: string;
  sha256: string;
  uploaded_by_id: string;
  display_name: string;
  organization_id: string;
  org_name: string;
  org_short_name: string;
  created_at: Date;
}

// Metadata only: the bytes are in the store, never read by a list.
const SELECT_VIEW = `SELECT d.id, d.parent_type, d.parent_id, d.kind, d.title, d.language, to_char(d.document_date, 'YYYY-MM-DD') AS document_date,
       d.file_name, d.content_type, d.size, d.sha256, d.uploaded_by_id, u.display_name, d.organization_id,
       o.name AS org_name, o.short_name AS org_short_name, d.created_at
  FROM documents d
  JOIN users u ON u.id = d.uploaded_by_id
  JOIN organizations o ON o.id = d.organization_id`;

/** Documents on requests, offers, matches (and what registers as a parent later): DESIGN §4b, docs/documents.md. */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly parents: DocumentParents,
    @Inject(DOCUMENT_STORE) private readonly store: DocumentStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private running = 0;
  private readonly waiting: (() => void)[] = [];

  private async turn<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= UPLOADS_AT_ONCE) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get maxBytes(): number {
    return this.config.documents.DOCUMENT_MAX_BYTES;
  }

  async list(user: AuthUser, parentType: DocumentParentType, parentId: string): Promise<DocumentListView> {
    const parent = await this.parents.resolve(user, parentType, parentId);
    if (!parent) throw notFound(PARENT_LABEL[parentType]);
    const rows: DocumentRow[] = await this.dataSource.query(
      `${SELECT_VIEW} WHERE d.parent_type = $1 AND d.parent_id = $2 AND d.removed_at IS NULL AND ${correspondenceVisibleTo(user)} ORDER BY d.created_at DESC, d.id`,
      [parentType, parentId],
    );
    return { items: rows.map((r) => this.view(user, r, parent.draft)), canUpload: parent.mayUpload, maxBytes: this.maxBytes };
  }

  async get(user: AuthUser, id: string): Promise<DocumentView> {
    const { row, draft } = await this.findVisible(user, id);
    return this.view(user, row, draft);
  }

  /** The bytes with what the response needs to describe them; 404 unless the caller sees the parent and the document. */
  async content(user: AuthUser, id: string): Promise<{ stream: Readable; fileName: string; contentType: string; size: number; sha256: string; previewable: boolean }> {
    const { row } = await this.findVisible(user, id);
    const [{ storage_key: key }]: { storage_key: string }[] = await this.dataSource.query('SELECT storage_key FROM documents WHERE id = $1', [id]);
    return {
      stream: await this.store.get(key),
      fileName: row.file_name,
      contentType: row.content_type,
      size: Number(row.size),
      sha256: row.sha256,
      previewable: (DOCUMENT_PREVIEW_TYPES as readonly string[]).includes(row.content_type),
    };
  }

  /**
   * Streams a multipart upload into the store as pending bytes while hashing it and finding its type, holding no
   * database connection while the client sends; then one short transaction records the metadata, marks the bytes
   * the document's, and writes the parent's history entry and the `document.uploaded` event. A refused or
   * interrupted upload has its pending bytes deleted at once (and the worker's sweep takes those of a process that
   * died): nothing is left behind.
   */
  async upload(user: AuthUser, parentType: DocumentParentType, parentId: string, req: IncomingMessage): Promise<DocumentView> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes + MULTIPART_SLACK) throw tooLarge(this.maxBytes);
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
      throw localizedError('unsupported_media_type', 'errors.document.multipartOnly');
    }
    await this.mayUploadTo(user, parentType, parentId);
    const storageKey = `documents/${randomUUID()}`;
    let stored = false;
    try {
      let fields!: UploadDocumentFields;
      const { file } = await this.turn(() =>
        receiveMultipart(req, {
          maxBytes: this.maxBytes,
          beforeFile: (raw) => {
            fields = parseFields(raw);
            // Only a request has correspondence a provider must not see (a match's thread is the provider's too).
            if (fields.purpose === 'correspondence' && parentType !== 'request') {
              throw invalidFieldIn('purpose', 'errors.document.correspondenceOnRequestOnly');
            }
          },
          store: (body) => {
            stored = true;
            return this.store.put(storageKey, body);
          },
        }),
      );
      const id = await this.uow.run(user, async (tx) => {
        // Checked again: the parent may have moved on while the bytes arrived.
        await this.mayUploadTo(user, parentType, parentId, tx.manager);
        const row = await tx.manager.save(
          tx.manager.create(DocumentEntity, {
            parentType,
            parentId,
            kind: fields.kind,
            title: fields.title,
            language: fields.language ?? null,
            documentDate: fields.date ?? null,
            fileName: safeFileName(file.clientName, file.sniffed.extension),
            contentType: file.sniffed.contentType,
            size: file.size,
            sha256: file.sha256,
            storage: this.store.name,
            storageKey,
            uploadedById: user.id,
            organizationId: user.organization.id,
            forCorrespondence: fields.purpose === 'correspondence',
          }),
        );
        await this.store.commit(storageKey, tx.manager);
        const details = { documentId: row.id, kind: row.kind, title: row.title, fileName: row.fileName, size: row.size, sha256: row.sha256 };
        await tx.audit({ subjectType: parentType, subjectId: parentId, action: 'document_uploaded', details });
        await tx.emit({ type: 'document.uploaded', subjectType: 'document', subjectId: row.id, payload: { parentType, parentId, kind: row.kind } });
        return row.id;
      });
      stored = false;
      return await this.get(user, id);
    } catch (err) {
      // receiveMultipart rejects only once the store has stopped writing, so nothing is added after this.
      if (stored) await this.store.delete(storageKey).catch(() => undefined);
      throw err;
    }
  }

  /** 404 unless the caller sees the parent, 403 when they may read its documents but not add to them. */
  private async mayUploadTo(user: AuthUser, parentType: DocumentParentType, parentId: string, manager?: EntityManager): Promise<void> {
    const parent = await this.parents.resolve(user, parentType, parentId, manager);
    if (!parent) throw notFound(PARENT_LABEL[parentType]);
    if (!parent.mayUpload) throw localizedError('forbidden', 'errors.document.readOnly', {}, undefined, { subject: subjectKey(parentType) });
  }

  /** Removal: the uploader's organisation while the parent is a draft, or the Committee. The row stays for history. */
  async remove(user: AuthUser, id: string): Promise<void> {
    let removedKey: string | null = null;
    await this.uow.run(user, async (tx) => {
      const doc = await tx.manager.findOne(DocumentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!doc || doc.removedAt) throw notFound('Document');
      // What the caller may not read is not found, as for a read: a provider learns nothing of a State's correspondence.
      const [readable]: unknown[] = await tx.manager.query(`SELECT 1 FROM documents d WHERE d.id = $1 AND ${correspondenceVisibleTo(user)}`, [id]);
      if (!readable) throw notFound('Document');
      const parent = await this.parents.resolve(user, doc.parentType, doc.parentId, tx.manager);
      if (!parent) throw notFound('Document');
      if (!mayRemove(user, doc.organizationId, parent.draft)) {
        throw parent.draft
          ? localizedError('forbidden', 'errors.document.removeOwnOnly')
          : localizedError('forbidden', 'errors.document.removeCommitteeOnly', {}, undefined, { subject: subjectKey(doc.parentType) });
      }
      doc.removedAt = new Date();
      doc.removedById = user.id;
      await tx.manager.save(doc);
      if (this.store.name === 'postgres') await this.store.delete(doc.storageKey, tx.manager);
      else removedKey = doc.storageKey;
      await tx.audit({ subjectType: doc.parentType, subjectId: doc.parentId, action: 'document_removed', details: { documentId: doc.id, kind: doc.kind, title: doc.title, fileName: doc.fileName } });
      await tx.emit({ type: 'document.removed', subjectType: 'document', subjectId: doc.id, payload: { parentType: doc.parentType, parentId: doc.parentId, kind: doc.kind } });
    });
    if (removedKey) await this.store.delete(removedKey);
  }

  private async findVisible(user: AuthUser, id: string, manager: EntityManager = this.dataSource.manager): Promise<{ row: DocumentRow; draft: boolean }> {
    const [row]: DocumentRow[] = await manager.query(`${SELECT_VIEW} WHERE d.id = $1 AND d.removed_at IS NULL AND ${correspondenceVisibleTo(user)}`, [id]);
    if (!row) throw notFound('Document');
    const parent = await this.parents.resolve(user, row.parent_type, row.parent_id, manager);
    if (!parent) throw notFound('Document');
    return { row, draft: parent.draft };
  }

  private view(user: AuthUser, r: DocumentRow, parentDraft: boolean): DocumentView {
    return {
      id: r.id,
      parentType: r.parent_type,
      parentId: r.parent_id,
      kind: r.kind,
      title: r.title,
      language: r.language,
      documentDate: r.document_date,
      fileName: r.file_name,
      contentType: r.content_type,
      size: Number(r.size),
      sha256: r.sha256,
      uploadedBy: { id: r.uploaded_by_id, displayName: r.display_name },
      organization: { id: r.organization_id, name: r.org_name, shortName: r.org_short_name },
      createdAt: r.created_at,
      canRemove: mayRemove(user, r.organization_id, parentDraft),
      contentUrl: `/api/v1/documents/${r.id}/content`,
    };
  }
}

function mayRemove(user: AuthUser, uploaderOrganizationId: string, parentDraft: boolean): boolean {
  return isCommittee(user.role) || (parentDraft && uploaderOrganizationId === user.organization.id);
}

function parseFields(raw: Record<string, string>): UploadDocumentFields {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v.trim() !== ''));
  const parsed = uploadDocumentFieldsSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue.path[0] ?? 'form');
  const message = issue.code === 'unrecognized_keys' ? `unknown field(s) ${issue.keys.join(', ')}` : issue.message;
  const source = issueSource(issue);
  throw invalidIssues([{ field, message, ...(source ? { [MESSAGE_SOURCE]: source } : {}) }]);
}
