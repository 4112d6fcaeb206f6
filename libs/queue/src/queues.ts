import type { JobsOptions } from 'bullmq';
import { OUTAGE_POLICY } from './outage';

/** Every queue the platform uses. Workers consume them in apps/worker; nothing else adds to them directly. */
export const QUEUES = {
  /** Outbox events, one job per event; job id = outbox event id. */
  events: 'events',
  /**
   * Outbox events that set the matching engine to work (MATCHING_EVENT_TYPES in libs/outbox), on their own lane so
   * that they never queue behind a burst of notification events. Same jobs, same processor as `events`.
   */
  matchingEvents: 'matching-events',
  /** Matching engine work: incremental scoring and full-rescore chunks. */
  matching: 'matching',
  /** E-mail deliveries, one job per delivery. */
  mail: 'mail',
  /** Scheduled housekeeping: offer expiry, the nightly rescore, the sweep of abandoned uploads. */
  maintenance: 'maintenance',
  /** Operators' canary jobs that prove the worker runs and drains gracefully. */
  canary: 'canary',
  /** Scheduled notification work: the daily digest, reminders and the sweep that re-enqueues stuck e-mails. */
  notifications: 'notifications',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export const JOBS = {
  event: 'event',
  scoreRequest: 'score-request',
  scoreOffer: 'score-offer',
  rescoreStart: 'rescore-start',
  rescoreChunk: 'rescore-chunk',
  sendEmail: 'send-email',
  expireOffers: 'expire-offers',
  nightlyRescore: 'nightly-rescore',
  sweepUploads: 'sweep-uploads',
  reminders: 'reminders',
  digest: 'digest',
  mailSweep: 'mail-sweep',
} as const;

/** Job payloads carry ids only; processors reload rows so that a retry is harmless. */
export interface EventJob {
  eventId: string;
  type: string;
}
export interface ScoreRequestJob {
  requestId: string;
}
export interface ScoreOfferJob {
  offerId: string;
}
export interface RescoreStartJob {
  rescoreId: string;
}
/** Requests with fromId < id <= toId (ids fixed when the run starts, so retries score the same set). */
export interface RescoreChunkJob {
  rescoreId: string;
  index: number;
  fromId: string | null;
  toId: string;
}
export interface CanaryJob {
  token: string;
  holdMs: number;
}
export interface SendEmailJob {
  deliveryId: string;
  /** The outbox event whose handler created the delivery, when one did (see MailProcessor). */
  eventId?: string;
  /** Set the moment the SMTP server accepted the message, before `sent` is recorded (see MailProcessor). */
  accepted?: { at: string; response: string };
}

/**
 * Attempts, exponential backoff and bounded retention for every job (STYLE.md). Attempts count failures of the
 * job itself; a dependency outage postpones a job without using one (see `retryingOutages`). JOB_ATTEMPTS and
 * JOB_BACKOFF_MS set them at start-up (`applyJobPolicy`).
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 1000 },
  // Completed jobs are kept a day so a re-added job id is recognised as a duplicate meanwhile.
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

/** Sets the attempt policy once per process, before any job is added (QueueModule does it from the config). */
export function applyJobPolicy(policy: { attempts: number; backoffMs: number; outageRetryMs: number }): void {
  DEFAULT_JOB_OPTIONS.attempts = policy.attempts;
  DEFAULT_JOB_OPTIONS.backoff = { type: 'exponential', delay: policy.backoffMs };
  OUTAGE_POLICY.retryMs = policy.outageRetryMs;
}

/** E-mail jobs: job id = delivery id; temporary SMTP failures retry with exponential backoff from `delayMs`. */
export function mailJobOptions(delayMs: number, attempts: number): JobsOptions {
  return { ...DEFAULT_JOB_OPTIONS, attempts, backoff: { type: 'exponential', delay: delayMs } };
}
