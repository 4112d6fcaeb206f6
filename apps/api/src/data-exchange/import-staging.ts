import type { EntityManager } from 'typeorm';
import type { ExchangeCollection } from '@app/contracts';

// Rows per INSERT into, and per SELECT out of, the staging table: what memory holds at once.
const BATCH = 500;

/**
 * The valid records of an import between reading and inserting. Records arrive in the order of the body, but
 * are inserted collection by collection (a record only points at earlier collections' records), and nothing
 * is inserted until the whole document has been checked. So they wait here, in a temporary table of the
 * import's transaction (dropped when it ends, committed or not), rather than in memory.
 */
export class ImportStaging {
  private pending: { collection: ExchangeCollection; record: string }[] = [];
  private position = 0;

  private constructor(private readonly manager: EntityManager) {}

  static async create(manager: EntityManager): Promise<ImportStaging> {
    await manager.query(
      `CREATE TEMPORARY TABLE import_staging (position int PRIMARY KEY, collection text NOT NULL, record jsonb NOT NULL) ON COMMIT DROP`,
    );
    return new ImportStaging(manager);
  }

  async add(collection: ExchangeCollection, record: object): Promise<void> {
    this.pending.push({ collection, record: JSON.stringify(record) });
    if (this.pending.length >= BATCH) await this.flush();
  }

  /** The records of one collection in the order of the body, a batch at a time, as they were added. */
  async *batches<T extends object>(collection: ExchangeCollection): AsyncGenerator<T[]> {
    await this.flush();
    for (let after = -1; ; ) {
      const rows: { position: number; record: T }[] = await this.manager.query(
        'SELECT position, record FROM import_staging WHERE collection = $1 AND position > $2 ORDER BY position LIMIT $3',
        [collection, after, BATCH],
      );
      if (!rows.length) return;
      yield rows.map((r) => r.record);
      after = rows[rows.length - 1].position;
    }
  }

  private async flush(): Promise<void> {
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    await this.manager.query(
      `INSERT INTO import_staging (position, collection, record)
       SELECT $1 + n - 1, c, r FROM unnest($2::text[], $3::jsonb[]) WITH ORDINALITY AS t(c, r, n)`,
      [this.position, batch.map((b) => b.collection), batch.map((b) => b.record)],
    );
    this.position += batch.length;
  }
}
