import type { DataSource, EntityManager } from 'typeorm';

/**
 * How long a pending upload (document_uploads) may go without a chunk before it counts as abandoned: far beyond
 * any live client (the API's sockets time out long before), so only uploads whose process died are taken.
 */
export const UPLOAD_ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Deletes the pending chunks of uploads that went quiet for `idleMs` (their API process died mid-upload) with their
 * registrations, in one statement. A chunk still being written touches its registration first, and a registration
 * taken here makes that write fail, so a live upload never loses bytes silently. Returns the uploads removed.
 */
export async function sweepAbandonedUploads(db: DataSource | EntityManager, idleMs = UPLOAD_ABANDONED_AFTER_MS): Promise<number> {
  const [{ n }]: { n: number }[] = await db.query(
    `WITH gone AS (DELETE FROM document_uploads WHERE touched_at < now() - make_interval(secs => $1) RETURNING storage_key),
          chunks AS (DELETE FROM document_contents c USING gone WHERE c.storage_key = gone.storage_key)
     SELECT count(*)::int AS n FROM gone`,
    [idleMs / 1000],
  );
  return n;
}
