import { Check, Column, Entity, PrimaryColumn, Unique } from 'typeorm';

// Facts the Committee summary reads (issue 16). No code writes them: triggers keep them in the same statement that
// changes their source, so they are never stale. A trigger on history_entries (migration
// 1796270000000-request-report-facts) recomputes a request's milestones and status steps from its history; one on
// assistance_requests (migration 1796350000000-request-report-scope) copies the request's columns a report filters
// and groups by. test/integration/request-report-facts.test.ts compares them with a recomputation from their sources.

const daysTo = (milestone: string) =>
  ({
    type: 'double precision',
    generatedType: 'STORED',
    nullable: true,
    asExpression: `(extract(epoch FROM ${milestone} - submitted_at) / 86400)::double precision`,
    insert: false,
    update: false,
  }) as const;

/**
 * A request's row for the reports: its first time at each milestone (null until reached), from its history, and the
 * request's own columns that a report filters and groups by (null while there is no request row). One narrow row per
 * request with a request row or any history, so that a report reads 20,000 requests without their wide rows.
 */
@Entity('request_milestones')
export class RequestMilestonesEntity {
  @PrimaryColumn({ type: 'uuid' })
  requestId: string;

  // The request's columns, copied from assistance_requests.

  @Column({ type: 'varchar', length: 20, nullable: true })
  reference: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  state: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  status: string | null;

  // The request's code lists as sets of bits, one per code of a kind (report_codes).

  @Column({ type: 'integer', nullable: true })
  provisionBits: number | null;

  @Column({ type: 'integer', nullable: true })
  domainBits: number | null;

  @Column({ type: 'integer', nullable: true })
  assistanceTypeBits: number | null;

  /** The request's `circulated_at`: when it last entered `circulated` (`circulatedAt` below is the first time). */
  @Column({ type: 'timestamptz', nullable: true })
  lastCirculatedAt: Date | null;

  // The milestones, from the history.

  /** First `submit`. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  /** First `acknowledge`. */
  @Column({ type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  /** First `circulate`. */
  @Column({ type: 'timestamptz', nullable: true })
  circulatedAt: Date | null;

  /** First `match_agreed`. */
  @Column({ type: 'timestamptz', nullable: true })
  agreedAt: Date | null;

  /** First `mark_delivered`. */
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  // Days from the first submission to each milestone, kept by PostgreSQL (stored generated columns) as the summary
  // computed them per call: the exact numeric quotient, as double precision (what its percentiles sorted).
  @Column(daysTo('acknowledged_at'))
  daysToAcknowledge?: number | null;

  @Column(daysTo('circulated_at'))
  daysToCirculate?: number | null;

  @Column(daysTo('agreed_at'))
  daysToAgree?: number | null;

  @Column(daysTo('delivered_at'))
  daysToDeliver?: number | null;
}

/**
 * "Status over time" as steps: a request counts in a status at the end of every month from the month it entered the
 * status to the month before it left it, so each stay is +1 in its first month and −1 in its last (UTC months).
 * One row per request, status and month, with the net change (zero: no row); drafts are left out, as in the summary.
 */
@Entity('request_status_steps')
export class RequestStatusStepEntity {
  @PrimaryColumn({ type: 'uuid' })
  requestId: string;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  status: string;

  /** The first day of the month (UTC). */
  @PrimaryColumn({ type: 'date' })
  month: string;

  @Column({ type: 'int' })
  change: number;

  /** The request's first submission (as in request_milestones), so the summary picks a period's steps without a join. */
  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;
}


/**
 * Each code of a kind (`provision`, `domain`, `assistance_type`) and its bit in request_milestones' sets, given in the
 * order codes are first written (at most 31 per kind). Kept by the same trigger; codes are never removed.
 */
@Entity('report_codes')
@Unique('UQ_report_codes_kind_bit', ['kind', 'bit'])
@Check('CHK_report_codes_bit', 'bit BETWEEN 0 AND 30')
export class ReportCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'PK_report_codes' })
  kind: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_report_codes' })
  code: string;

  @Column({ type: 'smallint' })
  bit: number;
}
