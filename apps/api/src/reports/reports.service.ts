import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, sqlList, sqlValue } from '@app/common';
import {
  DOMAINS,
  isAgency,
  MATCH_AGREED_STATUSES,
  MATCH_COMMITTEE_ONLY_STATUSES,
  MATCH_PROVIDER_ACCEPTED_STATUSES,
  MatchStatus,
  OFFER_MATCHABLE_STATUSES,
  type OfferStatus,
  REQUEST_AWAITING_MATCH_STATUSES,
  REQUEST_TERMINAL_STATUSES,
  type RequestStatus,
} from '@app/domain';
import type { Served, SummaryQuery, summarySchema } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';
import { breakdowns, type GroupRow, type OfferedPair, type ReportCode } from './breakdowns';

/** The report views (libs/contracts views/reports.ts), as the service builds them. */
export type Summary = Served<typeof summarySchema>;
type Distribution = Summary['timeToDays']['acknowledge'];

const DAY = 86400;

/** The scope's period ($1 from, $2 to: dates, inclusive) on the first submission of `alias`'s rows. */
const submittedInPeriod = (alias: string) =>
  `${alias}.submitted_at IS NOT NULL AND ($1::date IS NULL OR ${alias}.submitted_at >= $1::date) AND ($2::date IS NULL OR ${alias}.submitted_at < $2::date + 1)`;

/**
 * Committee figures (issue 6), computed in SQL from the history timestamps. The population is the requests
 * submitted to the Committee (drafts are the States' own business), filtered by the submission date, the
 * State and — for offers, matches and answer times — the provider. Durations are in days from the request's
 * first submission, and only over requests that reached the milestone; those still waiting are counted apart.
 */
@Injectable()
export class ReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async summary(q: SummaryQuery): Promise<Summary> {
    const params = [q.from ?? null, q.to ?? null, q.state ?? null, q.provider ?? null];
    // One snapshot for every figure (a read-only transaction never fails to serialize).
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      // The sorts and hash tables below (percentiles, grouping sets) fit in memory at 20,000 requests.
      await m.query(`SET LOCAL work_mem = '64MB'`);
      return this.figures(m, q, params);
    });
  }

  private async figures(m: EntityManager, q: SummaryQuery, params: (string | null)[]): Promise<Summary> {
    // Every statement gets the same four parameters; `filter` names them all, so each statement can use any. `rq` is
    // the requests in scope — submitted in the period, of the State if one is asked for — with their first submission
    // and the days from it to each milestone: request_milestones, one narrow row per request that the database keeps in
    // the same transaction as each write (the milestones from the append-only history, the request's columns from its
    // row). Each statement reads it afresh (NOT MATERIALIZED: PostgreSQL folds it into the statement). Days are the
    // exact quotient as double precision, as the percentiles always sorted them; null until the milestone is reached.
    const scoped = `WITH filter AS (SELECT $1::date AS from_date, $2::date AS to_date, $3::char(3) AS state, $4::uuid AS provider),
      rq AS NOT MATERIALIZED (
        SELECT f.request_id AS id, f.reference, f.state, f.status, f.provision_bits, f.domain_bits, f.assistance_type_bits, f.last_circulated_at AS circulated_at,
               f.submitted_at AS submitted, f.days_to_acknowledge AS acknowledge_days, f.days_to_circulate AS circulate_days,
               f.days_to_agree AS agree_days, f.days_to_deliver AS deliver_days
          FROM request_milestones f
         WHERE ${submittedInPeriod('f')} AND f.state IS NOT NULL AND ($3::char(3) IS NULL OR f.state = $3))`;
    const count = async (sql: string): Promise<Record<string, number>> => {
      const rows: { k: string; n: number }[] = await m.query(`${scoped} ${sql}`, params);
      return Object.fromEntries(rows.map((r) => [r.k, r.n]));
    };
    // The five breakdowns of the requests and the coverage grid's requested side from one pass over the requests:
    // GROUPING SETS count them per status, per State, per set of assistance types and per pair of provision and domain
    // sets with the withdrawn flag (sets of bits: integers to hash; a few hundred sets, a few thousand pairs). Each set
    // is then decoded with its count (breakdowns.ts) — the same sums as unnesting every request's lists.
    const groups: GroupRow[] = await m.query(
      `${scoped} SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(state) = 0 THEN 'state'
                            WHEN GROUPING(withdrawn) = 0 THEN 'pair' ELSE 'type' END AS kind,
                       status, state, provision_bits AS "provisionBits", domain_bits AS "domainBits", assistance_type_bits AS "typeBits",
                       withdrawn, count(*)::int AS n
                  FROM (SELECT status, state, provision_bits, domain_bits, assistance_type_bits,
                               status = ${sqlValue('withdrawn' satisfies RequestStatus)} AS withdrawn FROM rq) AS r
                 GROUP BY GROUPING SETS ((status), (state), (assistance_type_bits), (provision_bits, domain_bits, withdrawn))`,
      params,
    );
    const codes: ReportCode[] = await m.query(`SELECT kind, code, bit FROM report_codes`);
    // Matchable offers per provision × domain (an offer without domains covers every domain).
    const offered: OfferedPair[] = await m.query(
      `SELECT p AS provision, d AS domain, count(*)::int AS n
         FROM assistance_offers o, unnest(o.provisions) p,
              unnest(CASE WHEN cardinality(o.domains) = 0 THEN ARRAY[${DOMAINS.map(sqlValue).join(', ')}] ELSE o.domains END) d
        WHERE o.status IN ${sqlList(OFFER_MATCHABLE_STATUSES)} AND ($1::uuid IS NULL OR o.organization_id = $1) GROUP BY 1, 2`,
      [q.provider ?? null],
    );
    const { byStatus, byProvision, byDomain, byAssistanceType, byState, coverage } = breakdowns(groups, codes, offered);
    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);

    // The five time-to-X distributions and the time-to-match histogram in one pass over the requests: each over the
    // requests that reached the milestone (ordered-set aggregates skip nulls; one sort gives both percentiles);
    // `waiting` counts those that have not and still could.
    const round = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 10) / 10);
    // Withdrawn and closed requests no longer wait for anything.
    const open = `status NOT IN ${sqlList(REQUEST_TERMINAL_STATUSES)}`;
    const milestones = {
      acknowledge: ['acknowledge_days', open],
      circulate: ['circulate_days', open],
      firstSuggestion: ['first_suggestion_days', `circulate_days IS NOT NULL AND ${open}`],
      agreedMatch: ['agree_days', `circulate_days IS NOT NULL AND ${open}`],
      delivery: ['deliver_days', `agree_days IS NOT NULL AND ${open}`],
    } as const;
    // Each agreed match's days fall in at most one bucket, (lo, hi], the first also taking 0.
    const buckets = [
      ['0–30 days', 0, 30],
      ['31–90 days', 30, 90],
      ['91–180 days', 90, 180],
      ['181–365 days', 180, 365],
      ['1–2 years', 365, 730],
      ['over 2 years', 730, 1e9],
    ] as const;
    const [times]: Record<string, number | number[] | null>[] = await m.query(
      `${scoped} SELECT ${Object.entries(milestones)
        .map(
          ([key, [days, eligible]]) =>
            `count(${days})::int AS "${key}_count", count(*) FILTER (WHERE ${days} IS NULL AND ${eligible})::int AS "${key}_waiting",
             percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${days}) AS "${key}_percentiles"`,
        )
        .join(',\n')},
              ${buckets.map(([, lo, hi], i) => `count(*) FILTER (WHERE agree_days ${lo === 0 ? '>=' : '>'} ${lo} AND agree_days <= ${hi})::int AS "bucket_${i}"`).join(', ')}
         FROM (SELECT rq.*, (extract(epoch FROM fs.suggested_at - rq.submitted) / ${DAY})::double precision AS first_suggestion_days
                 FROM rq LEFT JOIN request_first_suggestions fs ON fs.request_id = rq.id) AS rq`,
      params,
    );
    const dist = (key: string): Distribution => {
      const percentiles = times[`${key}_percentiles`] as (number | null)[] | null;
      return {
        count: times[`${key}_count`] as number,
        waiting: times[`${key}_waiting`] as number,
        medianDays: round(percentiles?.[0]),
        p90Days: round(percentiles?.[1]),
      };
    };
    const timeToDays = {
      acknowledge: dist('acknowledge'),
      circulate: dist('circulate'),
      firstSuggestion: dist('firstSuggestion'),
      agreedMatch: dist('agreedMatch'),
      delivery: dist('delivery'),
    };
    const histogram = buckets.map(([bucket], i) => ({ bucket, count: times[`bucket_${i}`] as number }));

    // Requests with an agreed match (with the provider's offer, when one is asked for): a semi-join, not a
    // subquery per request.
    const [rate] = await m.query(
      `${scoped} SELECT count(*) FILTER (WHERE circulate_days IS NOT NULL)::int AS circulated,
              count(*) FILTER (WHERE circulate_days IS NOT NULL AND a.request_id IS NOT NULL)::int AS agreed
         FROM rq LEFT JOIN (
           SELECT DISTINCT m.request_id FROM matches m JOIN assistance_offers o ON o.id = m.offer_id
            WHERE m.agreed_at IS NOT NULL AND ($4::uuid IS NULL OR o.organization_id = $4)
         ) a ON a.request_id = rq.id`,
      params,
    );
    const unmatched: { id: string; reference: string; title: string; state: string; circulated_at: Date; age: number }[] = await m.query(
      `${scoped} SELECT q.id, q.reference, r.title, q.state, q.circulated_at, extract(epoch FROM $5::timestamptz - q.circulated_at) / ${DAY} AS age
         FROM (SELECT id, reference, state, circulated_at FROM rq WHERE status IN ${sqlList(REQUEST_AWAITING_MATCH_STATUSES)}
                ORDER BY circulated_at, reference LIMIT 100) AS q
         JOIN assistance_requests r ON r.id = q.id
        ORDER BY q.circulated_at, q.reference`,
      [...params, this.clock.now()],
    );

    const offerRows: { id: string; name: string; status: string; n: number }[] = await m.query(
      `SELECT p.id, p.name, o.status, count(*)::int AS n FROM assistance_offers o JOIN organizations p ON p.id = o.organization_id
        WHERE o.status <> ${sqlValue('draft' satisfies OfferStatus)} AND ($1::uuid IS NULL OR o.organization_id = $1)
        GROUP BY 1, 2, 3 ORDER BY 2, 3`,
      [q.provider ?? null],
    );
    const providers = new Map<string, { id: string; name: string; count: number; byStatus: Record<string, number> }>();
    const offersByStatus: Record<string, number> = {};
    for (const r of offerRows) {
      const p = providers.get(r.id) ?? { id: r.id, name: r.name, count: 0, byStatus: {} };
      p.count += r.n;
      p.byStatus[r.status] = r.n;
      providers.set(r.id, p);
      offersByStatus[r.status] = (offersByStatus[r.status] ?? 0) + r.n;
    }

    const matchesByStatus = await count(
      `SELECT m.status AS k, count(*)::int AS n FROM matches m JOIN rq ON rq.id = m.request_id JOIN assistance_offers o ON o.id = m.offer_id
        WHERE ($4::uuid IS NULL OR o.organization_id = $4) GROUP BY 1 ORDER BY 1`,
    );
    const answers: { id: string; name: string; answered: number; median: number | null }[] = await m.query(
      `${scoped} SELECT p.id, p.name, count(*)::int AS answered,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM m.answered_at - m.endorsed_at) / ${DAY}) AS median
         FROM matches m JOIN rq ON rq.id = m.request_id JOIN assistance_offers o ON o.id = m.offer_id
         JOIN organizations p ON p.id = o.organization_id
        WHERE m.endorsed_at IS NOT NULL AND m.answered_at IS NOT NULL AND ($4::uuid IS NULL OR o.organization_id = $4)
        GROUP BY 1, 2 ORDER BY 4 NULLS LAST, 2`,
      params,
    );
    const [fb] = await m.query(
      `${scoped} SELECT count(m.requester_rating)::int AS rn, avg(m.requester_rating)::float AS ra,
              count(m.provider_rating)::int AS pn, avg(m.provider_rating)::float AS pa
         FROM matches m JOIN rq ON rq.id = m.request_id JOIN assistance_offers o ON o.id = m.offer_id
        WHERE ($4::uuid IS NULL OR o.organization_id = $4)`,
      params,
    );
    // The steps of the requests in scope. When no State is asked for and every request submitted in the period is in
    // scope (it has a request row: always, unless history was written for an id without one), those are the steps
    // whose request's first submission falls in the period, which the steps carry: no join to the scope needed.
    const [{ orphans }]: { orphans: number }[] = await m.query(
      `SELECT count(*)::int AS orphans FROM request_milestones f WHERE ${submittedInPeriod('f')} AND f.state IS NULL`,
      params.slice(0, 2),
    );
    const scopedSteps =
      (q.state ?? null) === null && orphans === 0
        ? `request_status_steps s WHERE ${submittedInPeriod('s')}`
        : `request_status_steps s JOIN rq ON rq.id = s.request_id`;
    // Status at each (UTC) month's end, from each request's status steps (request_status_steps: a stay in a status is
    // a +1 in the month it began and a −1 in the month it ended, kept by the database as history is written): a
    // month's figure is the running total of the steps of the requests in scope, linear in the steps. Steps before
    // the first month shown count in it; the months run from the one the first request in scope was submitted in to
    // `to` or now.
    const overTime: { month: string; status: string; n: number }[] = await m.query(
      `${scoped}, bounds AS (
         SELECT date_trunc('month', coalesce((SELECT min(submitted) FROM rq), $5::timestamptz) AT TIME ZONE 'UTC')::date AS lo,
                date_trunc('month', least(coalesce($2::date, $5::timestamptz), $5::timestamptz) AT TIME ZONE 'UTC')::date AS hi
       ), months AS (
         SELECT generate_series(lo::timestamp, hi::timestamp, interval '1 month')::date AS m FROM bounds
       ), steps AS (
         -- Summed per status and month first (a few hundred rows), then clamped to the months shown.
         SELECT s.status, s.month, sum(s.change) AS d FROM ${scopedSteps} GROUP BY 1, 2
       ), per_month AS (
         SELECT steps.status, greatest(steps.month, bounds.lo) AS m, sum(steps.d) AS d
           FROM steps, bounds WHERE steps.month <= bounds.hi GROUP BY 1, 2
       ), running AS (
         SELECT months.m AS month, s.status,
                sum(coalesce(per_month.d, 0)) OVER (PARTITION BY s.status ORDER BY months.m) AS n
           FROM months CROSS JOIN (SELECT DISTINCT status FROM per_month) s
           LEFT JOIN per_month ON per_month.status = s.status AND per_month.m = months.m
       )
       SELECT to_char(month, 'YYYY-MM') AS month, status, n::int AS n FROM running WHERE n > 0 ORDER BY 1, 2`,
      [...params, this.clock.now()],
    );
    const months = new Map<string, Record<string, number>>();
    for (const r of overTime) months.set(r.month, { ...(months.get(r.month) ?? {}), [r.status]: r.n });

    return {
      period: { from: q.from ?? null, to: q.to ?? null, state: q.state ?? null, provider: q.provider ?? null },
      requests: { total, byStatus, byProvision, byDomain, byAssistanceType, byState },
      offers: { total: Object.values(offersByStatus).reduce((a, b) => a + b, 0), byStatus: offersByStatus, byProvider: [...providers.values()] },
      matches: { total: Object.values(matchesByStatus).reduce((a, b) => a + b, 0), byStatus: matchesByStatus },
      matchRate: { circulated: rate.circulated, withAgreedMatch: rate.agreed, rate: rate.circulated ? Math.round((1000 * rate.agreed) / rate.circulated) / 1000 : null },
      timeToDays,
      timeToMatchHistogram: histogram,
      unmatchedTotal: byStatus.circulated ?? 0,
      unmatched: unmatched.map((u) => ({ id: u.id, reference: u.reference, title: u.title, state: u.state, circulatedAt: new Date(u.circulated_at).toISOString(), ageDays: Math.floor(u.age) })),
      providerAnswerDays: answers.map((a) => ({ id: a.id, name: a.name, answered: a.answered, medianDays: a.median === null ? null : Math.round(a.median * 10) / 10 })),
      feedback: {
        requester: { count: fb.rn, average: fb.ra === null ? null : Math.round(fb.ra * 100) / 100 },
        provider: { count: fb.pn, average: fb.pa === null ? null : Math.round(fb.pa * 100) / 100 },
      },
      statusOverTime: [...months.entries()].map(([month, byStatus]) => ({ month, byStatus })),
      coverage,
    };
  }

  /** An agency's waiting times, or a provider's uptake: the figures of the caller's own records. */
  async mine(user: AuthUser): Promise<unknown> {
    if (isAgency(user.role)) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT r.id, r.reference, r.title, r.status, r.submitted_at AS "submittedAt", r.circulated_at AS "circulatedAt", r.matched_at AS "matchedAt",
                CASE WHEN r.submitted_at IS NULL THEN NULL
                     ELSE round((extract(epoch FROM coalesce(r.matched_at, r.withdrawn_at, r.closed_at, $2::timestamptz) - r.submitted_at) / ${DAY})::numeric, 1)::float END AS "waitingDays",
                (SELECT count(*)::int FROM matches m WHERE m.request_id = r.id AND m.status NOT IN ${sqlList(MATCH_COMMITTEE_ONLY_STATUSES)}) AS "matchesProposed"
           FROM assistance_requests r WHERE r.state = $1 ORDER BY r.submitted_at NULLS LAST, r.reference`,
        [user.organization.state, this.clock.now()],
      );
      return { kind: 'agency', state: user.organization.state, requests: rows };
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(
      `SELECT o.id, o.title, o.status, o.capacity_engagements AS "capacityEngagements", o.engagements_used AS "engagementsUsed",
              count(m.id) FILTER (WHERE m.status NOT IN ${sqlList(MATCH_COMMITTEE_ONLY_STATUSES)})::int AS "endorsed",
              count(m.id) FILTER (WHERE m.status IN ${sqlList(MATCH_PROVIDER_ACCEPTED_STATUSES)})::int AS "accepted",
              count(m.id) FILTER (WHERE m.status = $2)::int AS "declined",
              count(m.id) FILTER (WHERE m.status IN ${sqlList(MATCH_AGREED_STATUSES)})::int AS "agreed",
              count(m.id) FILTER (WHERE m.status = $3)::int AS "completed"
         FROM assistance_offers o LEFT JOIN matches m ON m.offer_id = o.id
        WHERE o.organization_id = $1 GROUP BY o.id ORDER BY o.created_at`,
      [user.organization.id, 'declined' satisfies MatchStatus, 'completed' satisfies MatchStatus],
    );
    return { kind: 'provider', provider: user.organization.name, offers: rows };
  }
}
