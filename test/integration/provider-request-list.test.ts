import '../support/own-world';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@app/database';
import { MATCH_COMMITTEE_ONLY_STATUSES, REQUEST_STATUSES } from '@app/domain';
import { activeOffer, circulatedRequest, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

// Issue 16: a provider's request list is read as two branches, the requests circulated to every provider (along an
// index of their own) and those endorsed to this provider only, merged in the list's order. This file checks the
// pages against the visibility rule written as one condition, in SQL, for several orders and a filter: the same
// requests, in the same order, page after page. A database of its own, so no other file's requests arrive mid-test.
describe('a provider’s request list', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let bafa: ApiClient;
  let bafaOrganization: string;

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = await createDataSource(process.env.DATABASE_URL!).initialize();
    const [expert, customs, coordinator] = await Promise.all(
      (['expert', 'customs', 'coordinator'] as const).map((k) => ApiClient.as(api.baseUrl, k)),
    );
    bafa = await ApiClient.as(api.baseUrl, 'bafa');
    bafaOrganization = (await bafa.get('/api/v1/auth/me')).body.organization.id;

    const endorse = async (requestId: string, offerId: string) => {
      const match = await expert.post('/api/v1/matches', { requestId, offerId });
      if (match.status !== 201) throw new Error(JSON.stringify(match.body));
      const endorsed = await expert.post(`/api/v1/matches/${match.body.id}/transitions`, { action: 'endorse' });
      if (endorsed.status !== 200) throw new Error(JSON.stringify(endorsed.body));
    };
    const [bafaOffer, exbsOffer] = [await activeOffer(api.baseUrl, 'bafa'), await activeOffer(api.baseUrl, 'exbs')];
    // Circulated to every provider, then confidential ones: one endorsed to BAFA, one to EXBS, one to no one.
    for (const visibility of ['public', 'providers', 'public', 'providers'])
      await circulatedRequest(api.baseUrl, { visibility });
    await endorse((await circulatedRequest(api.baseUrl, { visibility: 'committee' })).id, bafaOffer.id);
    await endorse((await circulatedRequest(api.baseUrl, { visibility: 'committee' })).id, exbsOffer.id);
    await circulatedRequest(api.baseUrl, { visibility: 'committee' });
    // The newest, at the head of the default order: a draft and a submitted request no provider may see yet.
    await customs.post('/api/v1/requests', requestInput());
    const submitted = await customs.post('/api/v1/requests', requestInput());
    await coordinator.post(`/api/v1/requests/${submitted.body.id}/transitions`, { action: 'submit' });
  }, 120_000);
  afterAll(async () => {
    await ds?.destroy();
    await api?.close();
  });

  /** The references the visibility rule gives BAFA, in the order `orderBy` states, with `where` as a filter. */
  const expected = async (orderBy: string, where = 'true'): Promise<string[]> => {
    const rows: { reference: string }[] = await ds.query(
      `SELECT r.reference FROM assistance_requests r
        WHERE ((r.circulated_at IS NOT NULL AND r.status <> 'withdrawn' AND r.visibility <> 'committee')
               OR EXISTS (SELECT 1 FROM matches m JOIN assistance_offers o ON o.id = m.offer_id
                           WHERE m.request_id = r.id AND o.organization_id = $1 AND m.status <> ALL($2::text[])))
          AND ${where}
        ORDER BY ${orderBy}, r.id`,
      [bafaOrganization, MATCH_COMMITTEE_ONLY_STATUSES],
    );
    return rows.map((r) => r.reference);
  };

  /** Every page of BAFA's list, `pageSize` at a time. */
  const pages = async (query: string, pageSize: number): Promise<{ references: string[]; totals: number[] }> => {
    const references: string[] = [];
    const totals: number[] = [];
    for (let page = 1; ; page++) {
      const res = await bafa.get(`/api/v1/requests?${query}&pageSize=${pageSize}&page=${page}`);
      expect(res.status).toBe(200);
      totals.push(res.body.total);
      references.push(...res.body.items.map((item: { reference: string }) => item.reference));
      if (res.body.items.length < pageSize) return { references, totals };
    }
  };

  const statusOrder = `array_position(ARRAY[${REQUEST_STATUSES.map((s) => `'${s}'`).join(',')}]::varchar[], r.status)`;
  it.each([
    ['sort=-updatedAt', 'r.updated_at DESC NULLS LAST'],
    ['sort=reference', 'r.reference ASC NULLS FIRST'],
    ['sort=-submittedAt', 'r.submitted_at DESC NULLS LAST'],
    ['sort=status', `${statusOrder} ASC NULLS FIRST`],
  ])('holds what the visibility rule gives, in order, page after page (%s)', async (query, orderBy) => {
    const want = await expected(orderBy);
    // The confidential request endorsed to BAFA is in it; the one endorsed to EXBS, the drafts and the rest are not.
    expect(want.length).toBeGreaterThan(5);
    for (const pageSize of [3, 100]) {
      const got = await pages(query, pageSize);
      expect(got.references).toEqual(want);
      expect(new Set(got.totals)).toEqual(new Set([want.length]));
    }
  });

  it('applies the list’s filters to both kinds of request', async () => {
    const want = await expected('r.updated_at DESC NULLS LAST', `r.status IN ('circulated', 'matched')`);
    expect(want.length).toBeGreaterThan(0);
    expect((await pages('status=circulated,matched', 2)).references).toEqual(want);
  });

  it('shows a confidential request to the provider it was endorsed to, and to no other', async () => {
    const confidential: { reference: string; org: string }[] = await ds.query(
      `SELECT r.reference, o.organization_id AS org FROM assistance_requests r
         JOIN matches m ON m.request_id = r.id AND m.status = 'endorsed' JOIN assistance_offers o ON o.id = m.offer_id
        WHERE r.visibility = 'committee'`,
    );
    const listed = (await pages('sort=-updatedAt', 100)).references;
    expect(confidential.length).toBeGreaterThanOrEqual(2);
    for (const { reference, org } of confidential) expect(listed.includes(reference)).toBe(org === bafaOrganization);
  });
});
