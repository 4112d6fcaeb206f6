import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';

/**
 * Where a document's bytes live, so the PostgreSQL default and an S3-compatible store are interchangeable
 * (DOCUMENT_STORE). `put` consumes the body as it arrives and never holds the whole of it, nor a database
 * connection while it waits for the client's next bytes.
 */
export interface DocumentStore {
  /** The name recorded on each document (`documents.storage`). */
  readonly name: 'postgres' | 's3';
  /**
   * Stores `body` under `key` as pending bytes: no transaction is open while they arrive, and nothing can reach
   * them until `commit`. A failed or interrupted upload is cleaned by the caller (`delete`); one whose process
   * died is removed by the worker's upload sweep (PostgreSQL store). With `manager` (the import, whose bytes are
   * already in hand) a PostgreSQL store writes inside that transaction, so a failed import rolls them back.
   */
  put(key: string, body: AsyncIterable<Buffer>, manager?: EntityManager): Promise<void>;
  /** Makes the pending bytes under `key` the document's, inside the caller's (short) transaction. */
  commit(key: string, manager: EntityManager): Promise<void>;
  /** The bytes, streamed; a store in PostgreSQL reads them in `manager`'s transaction when one is given. */
  get(key: string, manager?: EntityManager): Promise<Readable>;
  /** Removes the bytes, pending or committed; a key that is not there is not an error. */
  delete(key: string, manager?: EntityManager): Promise<void>;
}

export const DOCUMENT_STORE = Symbol('DOCUMENT_STORE');
