import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/**
 * Where a document's bytes live, behind three calls, so the PostgreSQL default and an S3-compatible store are
 * interchangeable (DOCUMENT_STORE). `put` consumes the body as it arrives and never holds the whole of it.
 */
export interface DocumentStore {
  /** The name recorded on each document (`documents.storage`). */
  readonly name: 'postgres' | 's3';
  /**
   * Stores `body` under `key`. A store that writes to PostgreSQL writes inside `manager`'s transaction, so a
   * failed or interrupted upload rolls its bytes back with the metadata; any other store is cleaned by the caller
   * (`delete`) when the upload fails.
   */
  put(key: string, body: AsyncIterable<Buffer>, manager: EntityManager): Promise<void>;
  /** The bytes, streamed; a store in PostgreSQL reads them in `manager`'s transaction when one is given. */
  get(key: string, manager?: EntityManager): Promise<Readable>;
  /** Removes the bytes; a key that is not there is not an error. */
  delete(key: string, manager?: EntityManager): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
