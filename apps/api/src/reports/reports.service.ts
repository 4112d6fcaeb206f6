import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock, sqlList } from '@app/common';
import {
  isAgency,
  MATCH_AGREED_STATUSES,
  MATCH_COMMITTEE_ONLY_STATUSES,
  MATCH_PROVIDER_ACCEPTED_STATUSES,
  MatchStatus,
  OFFER_MATCHABLE_STATUSES,
  REQUEST_AWAITING_MATCH_STATUSES,
  REQUEST_TERMINAL_STATUSES,
} from '@app/domain';
import type { Served, SummaryQuery, summarySchema } from '@app/contracts';
import type { AuthUser } from '../auth/auth-user';

/** The report views (libs/contracts views/reports.ts), as the service builds them. */
export type Summary = Served<typeof summarySchema>;
type Distribution = Summary['timeToDays']['acknowledge'];

const DAY = 86400;

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
    // Requests in scope, with their first time at each milestone (from the append-only history), computed once
    // per call into a temporary table that every figure below reads.
    const scopedSelect = `
      WITH first_at AS (
        SELECT h.subject_id AS id,
               min(h.created_at) FILTER (WHERE h.action = 'submit') AS submitted,
               min(h.created_at) FILTER (WHERE h.action = 'acknowledge') AS acknowledged,
               min(h.created_at) FILTER (WHERE h.action = 'circulate') AS circulated,
               min(h.created_at) FILTER (WHERE h.action = 'match_agreed') AS agreed,
               min(h.created_at) FILTER (WHERE h.action = 'mark_delivered') AS delivered
          FROM history_entries h
         WHERE h.subject_type = 'request' AND h.action IN ('submit', 'acknowledge', 'circulate', 'match_agreed', 'mark_delivered')
         GROUP BY h.subject_id
      )
      SELECT r.id, r.reference, r.title, r.state, r.status, r.provisions, r.domains, r.assistance_types,
             r.circulated_at, r.first_suggestion_at, f.submitted, f.acknowledged, f.circulated, f.agreed, f.delivered
        FROM assistance_requests r JOIN first_at f ON f.id = r.id
       WHERE f.submitted IS NOT NULL
         AND ($1::date IS NULL OR f.submitted >= $1::date)
         AND ($2::date IS NULL OR f.submitted < $2::date + 1)
         AND ($3::char(3) IS NULL OR r.state = $3)`;
    return this.dataSource.transaction(async (m) => {
      // The sorts below (status periods, percentiles) fit in memory at 20,000 requests instead of spilling to disk.
      await m.query(`SET LOCAL work_mem = '64MB'`);
      await m.query(`CREATE TEMP TABLE rq ON COMMIT DROP AS ${scopedSelect}`, params.slice(0, 3));
      return this.figures(m, q, params);
    });
  }

  private async figures(m: EntityManager, q: SummaryQuery, params: (string | null)[]): Promise<Summary> {
    // Every statement gets the same four parameters; this names them all, so each statement can use any.
    const scoped = `WITH filter AS (SELECT $1::date AS from_date, $2::date AS to_date, $3::char(3) AS state, $4::uuid AS provider)`;
    const count = async (sql: string): Promise<Record<string, number>> => {
      const rows: { k: string; n: number }[] = await m.query(`${scoped} ${sql}`, params);
      return Object.fromEntries(rows.map((r) => [r.k, r.n]));
    };
    // The five breakdowns of the requests in one statement (one round trip), each as before.
    const breakdowns: { kind: string; k: string; n: number }[] = await m.query(
      `(SELECT 'status' AS kind, status::text AS k, count(*)::int AS n FROM rq GROUP BY 2 ORDER BY 2)
       UNION ALL (SELECT 'provision', unnest(provisions), count(*)::int FROM rq GROUP BY 2 ORDER BY 2)
       UNION ALL (SELECT 'domain', unnest(domains), count(*)::int FROM rq GROUP BY 2 ORDER BY 2)
       UNION ALL (SELECT 'type', unnest(assistance_types), count(*)::int FROM rq GROUP BY 2 ORDER BY 2)
       UNION ALL (SELECT 'state', state::text, count(*)::int FROM rq GROUP BY 2 ORDER BY 3 DESC, 2 LIMIT 200)`,
    );
    const breakdown = (kind: string): Record<string, number> =>
      Object.fromEntries(breakdowns.filter((r) => r.kind === kind).map((r) => [r.k, r.n]));
    const byStatus = breakdown('status');
    const byProvision = breakdown('provision');
    const byDomain = breakdown('domain');
    const byAssistanceType = breakdown('type');
    const byState = breakdown('state');

    // The five time-to-X distributions in one pass over the requests: each from the submission (never null here) to
    // the milestone, over the requests that reached it (ordered-set aggregates skip nulls); `waiting` counts those
    // that have not and still could.
    const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);
    // Withdrawn and closed requests no longer wait for anything.
    const open = `status NOT IN ${sqlList(REQUEST_TERMINAL_STATUSES)}`;
    const milestones = {
      acknowledge: ['acknowledged', open],
      circulate: ['circulated', open],
      firstSuggestion: ['first_suggestion_at', `circulated IS NOT NULL AND ${open}`],
      agreedMatch: ['agreed', `circulated IS NOT NULL AND ${open}`],
      delivery: ['delivered', `agreed IS NOT NULL AND ${open}`],
    } as const;
    const [times]: Record<string, number | null>[] = await m.query(
      `SELECT ${Object.entries(milestones)
        .map(([key, [to, eligible]]) => {
          const days = `extract(epoch FROM ${to} - submitted) / ${DAY}`;
          return `count(${to})::int AS "${key}_count", count(*) FILTER (WHERE ${to} IS NULL AND ${eligible})::int AS "${key}_waiting",
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY ${days}) AS "${key}_median",
                  percentile_cont(0.9) WITHIN GROUP (ORDER BY ${days}) AS "${key}_p90"`;
        })
        .join(',\n')}
         FROM rq WHERE submitted IS NOT NULL`,
    );
    const dist = (key: string): Distribution => ({
      count: times[`${key}_count`]!,
      waiting: times[`${key}_waiting`]!,
      medianDays: round(times[`${key}_median`]),
      p90Days: round(times[`${key}_p90`]),
    });
    const timeToDays = {
      acknowledge: dist('acknowledge'),
      circulate: dist('circulate'),
      firstSuggestion: dist('firstSuggestion'),
      agreedMatch: dist('agreedMatch'),
      delivery: dist('delivery'),
    };

    // Requests with an agreed match (with the provider's offer, when one is asked for): a semi-join, not a
    // subquery per request.
    const [rate] = await m.query(
      `${scoped} SELECT count(*) FILTER (WHERE circulated IS NOT NULL)::int AS circulated,
              count(*) FILTER (WHERE circulated IS NOT NULL AND a.request_id IS NOT NULL)::int AS agreed
         FROM rq LEFT JOIN (
           SELECT DISTINCT m.request_id FROM matches m JOIN assistance_offers o ON o.id = m.offer_id
            WHERE m.agreed_at IS NOT NULL AND ($4::uuid IS NULL OR o.organization_id = $4)
         ) a ON a.request_id = rq.id`,
      params,
    );
    // Each duration falls in at most one bucket: (lo, hi], the first also taking 0. Bucketed in one pass, then joined
    // to the six buckets (so empty ones answer 0), rather than every duration compared with every bucket.
    const histogram: { bucket: string; count: number }[] = await m.query(
      `WITH b(i, bucket, lo, hi) AS (VALUES (1, '0–30 days', 0, 30), (2, '31–90 days', 30, 90), (3, '91–180 days', 90, 180),
                      (4, '181–365 days', 180, 365), (5, '1–2 years', 365, 730), (6, 'over 2 years', 730, 1e9)),
       d AS (SELECT extract(epoch FROM agreed - submitted) / ${DAY} AS days FROM rq WHERE agreed IS NOT NULL),
       per AS (
         SELECT (SELECT b.i FROM b WHERE d.days > b.lo AND d.days <= b.hi OR (b.lo = 0 AND d.days = 0) ORDER BY b.i LIMIT 1) AS i, count(*)::int AS n
           FROM d GROUP BY 1
       )
       SELECT b.bucket, coalesce(per.n, 0)::int AS count FROM b LEFT JOIN per ON per.i = b.i ORDER BY b.i`,
    );
    const unmatched: { id: string; reference: string; title: string; state: string; circulated_at: Date; age: number }[] = await m.query(
      `${scoped} SELECT id, reference, title, state, circulated_at, extract(epoch FROM $5::timestamptz - circulated_at) / ${DAY} AS age
         FROM rq WHERE status IN ${sqlList(REQUEST_AWAITING_MATCH_STATUSES)} ORDER BY circulated_at, reference LIMIT 100`,
      [...params, this.clock.now()],
    );

    const offerRows: { id: string; name: string; status: string; n: number }[] = await m.query(
      `SELECT p.id, p.name, o.status, count(*)::int AS n FROM assistance_offers o JOIN organizations p ON p.id = o.organization_id
        WHERE o.status <> 'draft' AND ($1::uuid IS NULL OR o.organization_id = $1)
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
    // Status at each month's end, from each request's status periods (its history): a period counts at the end of
    // every month from the one it starts in to the one before the month it ends in. So each period is a +1 in its
    // first month and a −1 in its last, and a month's figure is the running total of those steps (linear in the
    // periods, where joining every period to every month was periods × months). Steps before the first month shown
    // count in it; the months run from the one the first request in scope was submitted in to `to` or now.
    const overTime: { month: Date; status: string; n: number }[] = await m.query(
      `${scoped}, spans AS (
         -- Periods per request (the window is per request, so keeping the requests in scope afterwards gives the
         -- same periods, and the sort runs on the history alone rather than after a join).
         SELECT w.status, w.since, w.until FROM (
           SELECT h.subject_id, h.to_status AS status, h.created_at AS since,
                  lead(h.created_at) OVER (PARTITION BY h.subject_id ORDER BY h.created_at, h.id) AS until
             FROM history_entries h
            WHERE h.subject_type = 'request' AND h.to_status IS NOT NULL
         ) w WHERE w.subject_id IN (SELECT id FROM rq)
       ), bounds AS (
         SELECT date_trunc('month', coalesce((SELECT min(submitted) FROM rq), $5::timestamptz)) AS lo,
                date_trunc('month', least(coalesce($2::date, $5::timestamptz), $5::timestamptz)) AS hi
       ), months AS (
         SELECT generate_series(lo, hi, interval '1 month') AS m FROM bounds
       ), per_month AS (
         SELECT spans.status, greatest(step.m, bounds.lo) AS m, sum(step.d) AS d
           FROM spans CROSS JOIN LATERAL (VALUES (date_trunc('month', spans.since), 1), (date_trunc('month', spans.until), -1)) AS step(m, d), bounds
          WHERE spans.status <> 'draft' AND step.m <= bounds.hi GROUP BY 1, 2
       ), running AS (
         SELECT months.m AS month, s.status,
                sum(coalesce(per_month.d, 0)) OVER (PARTITION BY s.status ORDER BY months.m) AS n
           FROM months CROSS JOIN (SELECT DISTINCT status FROM per_month) s
           LEFT JOIN per_month ON per_month.status = s.status AND per_month.m = months.m
       )
       SELECT month, status, n::int AS n FROM running WHERE n > 0 ORDER BY 1, 2`,
      [...params, this.clock.now()],
    );
    const months = new Map<string, Record<string, number>>();
    for (const r of overTime) {
      const key = new Date(r.month).toISOString().slice(0, 7);
      months.set(key, { ...(months.get(key) ?? {}), [r.status]: r.n });
    }
    const coverage: { provision: string; domain: string; requested: number; offered: number }[] = await m.query(
      `${scoped}, req AS (
         SELECT p AS provision, d AS domain, count(*)::int AS n FROM rq, unnest(provisions) p, unnest(domains) d
          WHERE rq.status NOT IN ('withdrawn') GROUP BY 1, 2
       ), off AS (
         SELECT p AS provision, d AS domain, count(*)::int AS n
           FROM assistance_offers o, unnest(o.provisions) p,
                unnest(CASE WHEN cardinality(o.domains) = 0 THEN ARRAY['NUCLEAR','CHEMICAL','BIOLOGICAL','DELIVERY','RELATED'] ELSE o.domains END) d
          WHERE o.status IN ${sqlList(OFFER_MATCHABLE_STATUSES)} AND ($4::uuid IS NULL OR o.organization_id = $4) GROUP BY 1, 2
       )
       SELECT coalesce(req.provision, off.provision) AS provision, coalesce(req.domain, off.domain) AS domain,
              coalesce(req.n, 0) AS requested, coalesce(off.n, 0) AS offered
         FROM req FULL JOIN off ON off.provision = req.provision AND off.domain = req.domain
        ORDER BY 1, 2`,
      params,
    );

    const total = Object.values(byStatus).reduce((a, b) => a + b, 0);
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
