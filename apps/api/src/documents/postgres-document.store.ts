import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { DocumentStore } from './document-store';

/** Bytes per row of document_contents: large enough for few rows, small enough to hold one per upload. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * The default store: the document_contents table, one row per 256 KB chunk. Each chunk is written by its own short
 * statement (a pooled connection is taken for that statement only, never while the client is sending), as a
 * pending upload registered in document_uploads; `commit` deletes that registration in the upload's final
 * transaction, which is what makes the chunks the document's. Pending chunks whose upload went quiet are the
 * worker's upload sweep's (`sweepAbandonedUploads`).
 */
export class PostgresDocumentStore implements DocumentStore {
  readonly name = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, body: AsyncIterable<Buffer>, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query('INSERT INTO document_uploads (storage_key) VALUES ($1)', [key]);
    let seq = 0;
    let parts: Buffer[] = [];
    let pending = 0;
    const flush = async () => {
      const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      parts = [];
      pending = 0;
      // Written only while the upload is still registered (the sweep may have taken one that stalled for long),
      // and the registration is touched so the sweep leaves a live upload alone.
      const written: unknown[] = await manager.query(
        `WITH live AS (UPDATE document_uploads SET touched_at = now() WHERE storage_key = $1 RETURNING storage_key)
         INSERT INTO document_contents (storage_key, seq, data) SELECT storage_key, $2, $3 FROM live RETURNING seq`,
        [key, seq++, data],
      );
      if (written.length !== 1) throw new Error(`Upload ${key} was abandoned and swept while it was being written`);
    };
    for await (const chunk of body) {
      parts.push(chunk);
      pending += chunk.length;
      if (pending >= CHUNK_BYTES) await flush();
    }
    if (pending > 0 || seq === 0) await flush();
  }

  async commit(key: string, manager: EntityManager): Promise<void> {
    const [{ n }]: { n: number }[] = await manager.query(
      'WITH done AS (DELETE FROM document_uploads WHERE storage_key = $1 RETURNING 1) SELECT count(*)::int AS n FROM done',
      [key],
    );
    if (n !== 1) throw new Error(`Upload ${key} is no longer pending (swept?)`);
  }

  get(key: string, manager: EntityManager = this.dataSource.manager): Promise<Readable> {
    const ds = manager;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let seq = 0; ; seq++) {
        const rows: { data: Buffer }[] = await ds.query('SELECT data FROM document_contents WHERE storage_key = $1 AND seq = $2', [key, seq]);
        if (!rows.length) return;
        yield rows[0].data;
      }
    }
    return Promise.resolve(Readable.from(chunks(), { objectMode: false }));
  }

  async delete(key: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    // One statement: the chunks and a pending registration go together, or neither does (and the sweep retries).
    await manager.query(
      'WITH registration AS (DELETE FROM document_uploads WHERE storage_key = $1) DELETE FROM document_contents WHERE storage_key = $1',
      [key],
    );
  }
}
