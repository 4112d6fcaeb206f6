import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { DocumentKind, DocumentParentType } from '@app/contracts';
import { bigintNumber } from './record-columns';

/**
 * A document's metadata (DESIGN §4b). Its bytes are in the document store under `storageKey` (document_contents
 * by default), so lists never load them. A removed document keeps this row (its history points at it) and loses
 * its bytes.
 */
@Entity('documents')
@Index('IDX_documents_parent', ['parentType', 'parentId', 'createdAt'])
export class DocumentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 30 })
  parentType: DocumentParentType;

  @Column({ type: 'uuid' })
  parentId: string;

  @Column({ type: 'varchar', length: 30 })
  kind: DocumentKind;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** ISO 639-1 code of the document's language, when given. */
  @Column({ type: 'varchar', length: 10, nullable: true })
  language: string | null;

  /** The date the document bears (a note verbale's date), not the upload's. */
  @Column({ type: 'date', nullable: true })
  documentDate: string | null;

  /** The uploaded name, made safe (no path, no control characters, at most 200 characters). */
  @Column({ type: 'varchar', length: 255 })
  fileName: string;

  /** Found from the content, never from the name or the client's claim. */
  @Column({ type: 'varchar', length: 120 })
  contentType: string;

  @Column({ type: 'bigint', transformer: bigintNumber })
  size: number;

  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Which store holds the bytes (`postgres`, `s3`) and under which key. */
  @Column({ type: 'varchar', length: 20 })
  storage: string;

  @Column({ type: 'varchar', length: 200 })
  storageKey: string;

  @Column({ type: 'uuid' })
  uploadedById: string;

  @Column({ type: 'uuid' })
  organizationId: string;

  /**
   * Uploaded for the request's thread (`purpose=correspondence`): correspondence from the upload on, hidden from
   * providers even before a message names it (apps/api/src/documents/correspondence-documents.ts).
   */
  @Column({ type: 'boolean', default: false })
  forCorrespondence: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  removedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  removedById: string | null;
}

/**
 * The PostgreSQL document store: a document's bytes as consecutive chunks (256 KB), written as the upload
 * streams in and read back one chunk at a time, so neither needs the whole file in memory.
 */
@Entity('document_contents')
export class DocumentContentEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  storageKey: string;

  @PrimaryColumn({ type: 'int' })
  seq: number;

  @Column({ type: 'bytea' })
  data: Buffer;
}

/**
 * An upload whose bytes are being written to document_contents (PostgreSQL store) outside any transaction. Its
 * chunks stay unreachable until the upload's short final transaction inserts the `documents` row and deletes this
 * row; an upload that fails deletes its chunks and this row, and one whose process died is found here by the
 * worker's sweep (`touchedAt` long past) and removed.
 */
@Entity('document_uploads')
export class DocumentUploadEntity {
  @PrimaryColumn({ type: 'varchar', length: 200 })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  startedAt: Date;

  /** The last chunk written: a live upload keeps it fresh, so the sweep never takes it. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  touchedAt: Date;
}
