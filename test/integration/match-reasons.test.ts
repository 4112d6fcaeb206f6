import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { englishReason, type MatchResult, type ReasonPart, taxonomyName } from '@app/matching';
import { MatchWriter } from '../../apps/worker/src/matching/match-writer.service';
import { activeOffer, circulatedRequest } from '../factories';
import { ApiClient, DEMO } from '../support/http';
import { startApiInProcess } from '../support/platform';

/**
 * A stored suggestion's reason line is kept as the engine's clauses beside the English line, and each reader gets
 * it in their own language: the match list, a match, and the allocation plan. Who may not see the offer's budget
 * gets no budget clause, in any language.
 */
describe('stored reason lines in the reader’s language', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let request: any, offer: any, matchId: string;
  const parts: ReasonPart[] = [
    { key: 'coversSome', provisions: ['COORDINATION'], count: 2 },
    { key: 'servesDirectly', state: 'MNG' },
    { key: 'budget', percent: 40 },
  ];
  const english = englishReason(parts, { describe: (category, code) => taxonomyName(category, code) });

  /** A new person of `role` at the organisation of the demo user `colleague`, reading in `language`. */
  async function reader(role: string, colleague: string, language: string): Promise<ApiClient> {
    const admin = await ApiClient.as(api.baseUrl, 'admin');
    const [org] = await ds.query(`SELECT organization_id AS id FROM users WHERE email = $1`, [colleague]);
    const email = `reasons-${randomUUID().slice(0, 8)}@example.org`;
    const created = await admin.post('/api/v1/users', { email, displayName: 'Reader', role, organizationId: org.id, password: 'reason-reader-password' });
    expect(created.status).toBe(201);
    const client = await ApiClient.as(api.baseUrl, email, 'reason-reader-password');
    expect((await client.request('PATCH', '/api/v1/auth/me', { preferredLanguage: language })).status).toBe(200);
    return client;
  }

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    request = await circulatedRequest(api.baseUrl, { provisions: ['COORDINATION', 'REPORTING'] });
    offer = await activeOffer(api.baseUrl, 'bafa');
    const result: MatchResult = { requestId: request.id, offerId: offer.id, score: 0.61, components: [], reason: english, reasonParts: parts };
    await new MatchWriter(ds).replaceSuggestions([request.id], [result], 1);
    [{ id: matchId }] = await ds.query(`SELECT id FROM matches WHERE request_id = $1 AND offer_id = $2`, [request.id, offer.id]);
  });
  afterAll(() => api.close());

  it('stores the clauses beside the English line', async () => {
    const [row] = await ds.query(`SELECT reason, reason_parts FROM matches WHERE id = $1`, [matchId]);
    expect(row.reason).toBe(english);
    expect(row.reason_parts).toEqual(parts);
  });

  it('words the line in French and in Russian for the Committee, the English line unchanged for an English reader', async () => {
    const [fr, ru, en] = await Promise.all(['fr', 'ru', 'en'].map((language) => reader('committee_member', DEMO.expert, language)));
    const line = async (client: ApiClient) => {
      const listed = await client.get(`/api/v1/matches?requestId=${request.id}`);
      expect(listed.status).toBe(200);
      const one = await client.get(`/api/v1/matches/${matchId}`);
      expect(one.status).toBe(200);
      expect(listed.body.items.find((m: any) => m.id === matchId).reason).toBe(one.body.reason);
      return one.body.reason as string;
    };
    expect(await line(en)).toBe(english);
    const french = await line(fr);
    expect(french).toMatch(/^couvre .+ — 1 sur 2 dispositions demandées/);
    expect(french).toMatch(/budget couvre 40\s%/);
    expect(french).not.toMatch(/\b(covers|requested|budget covers|serves)\b/);
    const russian = await line(ru);
    expect(russian).toMatch(/[А-Яа-яЁё]/);
    expect(russian).not.toMatch(/\b(covers|requested|serves)\b/);

    // The allocation plan words its proposals the same way.
    const plan = await fr.post('/api/v1/matching/allocation-plan', { requestIds: [request.id] });
    expect(plan.status).toBe(200);
    const planned = plan.body.matches.find((m: any) => m.matchId === matchId);
    expect(planned?.reason).toBe(french);
  });

  it('leaves the budget clause out, in the reader’s language, for the requesting State', async () => {
    const expert = await ApiClient.as(api.baseUrl, 'expert');
    const endorsed = await expert.post(`/api/v1/matches/${matchId}/transitions`, { action: 'endorse' });
    expect(endorsed.status).toBe(200);
    // An agency of the requesting State (the factory's requests are Mongolia's, made by its customs officer).
    const state = await reader('agency_member', DEMO.customs, 'fr');
    const seen = await state.get(`/api/v1/matches/${matchId}`);
    expect(seen.status).toBe(200);
    expect(seen.body.reason).toMatch(/^couvre /);
    expect(seen.body.reason).not.toMatch(/budget|40/);
    expect(seen.body.components.map((c: any) => c.key)).not.toContain('budgetFit');
  });
});
