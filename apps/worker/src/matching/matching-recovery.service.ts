import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { DEFAULT_JOB_OPTIONS, JOBS, QUEUES } from '@app/queue';

// States in which a job will still run by itself.
const PENDING_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Matching work PostgreSQL still lists (`matching_work`) but Redis no longer holds — lost with its data, or a
 * full rescore whose chunk jobs went missing — is enqueued again under its business key, so every request an
 * event asked to score is scored, whatever Redis forgot.
 */
@Injectable()
export class MatchingRecovery {
  constructor(
    private readonly dataSource: DataSource,
    @InjectQueue(QUEUES.matching) private readonly queue: Queue,
  ) {}

  /** Returns how many jobs were enqueued again. */
  async recoverLost(afterMs: number, limit = 500): Promise<number> {
    const rows: { key: string; job_name: string; data: Record<string, unknown> }[] = await this.dataSource.query(
      `SELECT key, job_name, data FROM matching_work WHERE requested_at < now() - make_interval(secs => $1) ORDER BY requested_at LIMIT $2`,
      [afterMs / 1000, limit],
    );
    let recovered = 0;
    for (const row of rows) {
      if (await this.recover(row)) recovered++;
    }
    return recovered;
  }

  private async recover({ key, job_name: name, data }: { key: string; job_name: string; data: Record<string, unknown> }): Promise<boolean> {
    // A full rescore's start job has a fixed id; scoring jobs are de-duplicated by the key instead.
    const fixedId = name === JOBS.rescoreStart;
    const jobId = fixedId ? key : await this.queue.getDeduplicationJobId(key);
    const job: Job | undefined = jobId ? await this.queue.getJob(jobId) : undefined;
    const state = job ? await job.getState() : 'missing';
    if (PENDING_STATES.has(state)) return false;
    if (job && fixedId) {
      // Ran before, but its run is unfinished: fanning out again re-adds only the chunks that are missing.
      await job.retry(state as 'completed' | 'failed', { resetAttemptsMade: true }).catch(() => undefined);
      return true;
    }
    const opts = fixedId ? { ...DEFAULT_JOB_OPTIONS, jobId: key } : { ...DEFAULT_JOB_OPTIONS, deduplication: { id: key, keepLastIfActive: true } };
    await this.queue.add(name, data, opts);
    return true;
  }
}
