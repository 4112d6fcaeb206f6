import { Readable } from 'node:stream';
import type { DataSource, EntityManager } from 'typeorm';
import type { DocumentStore } from './document-store';

/** Bytes per row of document_contents: large enough for few rows, small enough to hold a few per upload. */
export const CHUNK_BYTES = 256 * 1024;

/** The default store: the document_contents table, one row per 256 KB chunk, in the caller's transaction. */
export class PostgresDocumentStore implements DocumentStore {
  readonly name = 'postgres' as const;

  constructor(private readonly dataSource: DataSource) {}

  async put(key: string, body: AsyncIterable<Buffer>, manager: EntityManager): Promise<void> {
    let seq = 0;
    let parts: Buffer[] = [];
    let pending = 0;
    const flush = async () => {
      const data = parts.length === 1 ? parts[0] : Buffer.concat(parts);
      parts = [];
      pending = 0;
      await manager.query('INSERT INTO document_contents (storage_key, seq, data) VALUES ($1, $2, $3)', [key, seq++, data]);
    };
    for await (const chunk of body) {
      parts.push(chunk);
      pending += chunk.length;
      if (pending >= CHUNK_BYTES) await flush();
    }
    if (pending > 0 || seq === 0) await flush();
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
    await manager.query('DELETE FROM document_contents WHERE storage_key = $1', [key]);
  }
}
