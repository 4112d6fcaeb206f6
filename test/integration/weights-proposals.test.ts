// A database of this file's own: the fit reads every decided match, so other files' decisions, written at the same
// time, would move its held-out figures.
import '../support/own-world';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { COMPONENT_KEYS } from '@app/contracts';
import { WeightsProposalEntity } from '@app/database';
import { EventHandlerRegistry } from '../../apps/worker/src/events/event-handler.registry';
import { WeightsLearning } from '../../apps/worker/src/matching/weights-learning.service';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

/**
 * Issue 15 item 2: a weights profile fitted from decisions is proposed, compared and applied by the Committee;
 * nothing changes without that approval.
 */
describe('weights proposals', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let ds: DataSource;
  let admin: ApiClient, expert: ApiClient, bafa: ApiClient;
  const registry = new EventHandlerRegistry();
  new WeightsLearning(registry).onModuleInit();

  beforeAll(async () => {
    api = await startApiInProcess();
    ds = api.app.get(DataSource);
    [admin, expert, bafa] = await Promise.all((['admin', 'expert', 'bafa'] as const).map((k) => ApiClient.as(api.baseUrl, k)));
  });
  afterAll(() => api.close());

  /** Runs the worker's handler for the proposal's outbox event on `manager`, as the events processor would. */
  async function fit(proposalId: string, manager = ds.manager): Promise<void> {
    const [event] = await manager.query(`SELECT * FROM outbox_events WHERE subject_id = $1 AND type = 'matching.weights_proposal_requested'`, [proposalId]);
    expect(event).toBeDefined();
    await registry.dispatch(
      { id: event.id, type: 'matching.weights_proposal_requested', subjectType: 'weights_proposal', subjectId: proposalId, actorId: event.actor_id, payload: {}, createdAt: event.created_at, enqueuedAt: null, processedAt: null, deliveries: 0 },
      manager,
    );
  }

  it('is for the Committee: members read, administrators ask, apply and dismiss; others get 403', async () => {
    expect((await bafa.get('/api/v1/matching/proposals')).status).toBe(403);
    expect((await bafa.post('/api/v1/matching/proposals', {})).status).toBe(403);
    expect((await expert.post('/api/v1/matching/proposals', {})).status).toBe(403);
    expect((await expert.get('/api/v1/matching/proposals')).status).toBe(200);
    expect((await admin.get(`/api/v1/matching/proposals/${randomUUID()}`)).status).toBe(404);
    expect((await admin.get('/api/v1/matching/proposals/not-a-uuid')).status).toBe(400);
    expect((await admin.post(`/api/v1/matching/proposals/${randomUUID()}/apply`, {})).status).toBe(404);
  });

  it('fits from decided suggestions: the labelled component gains weight, measured on held-out decisions and the labelled set', async () => {
    const asked = await admin.post('/api/v1/matching/proposals', {});
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({ status: 'fitting', weights: null, figures: null });
    const profile = (await admin.get('/api/v1/matching/profile')).body;
    expect(asked.body.baseVersion).toBe(profile.version);

    // Decisions where text relevance alone tells taken-up suggestions from turned-down ones, written in a
    // transaction that is rolled back: the shared database keeps none of them.
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction('REPEATABLE READ');
    try {
      const pairs: { request_id: string; offer_id: string }[] = await runner.query(
        `SELECT r.id AS request_id, o.id AS offer_id FROM assistance_requests r CROSS JOIN assistance_offers o
          WHERE NOT EXISTS (SELECT 1 FROM matches m WHERE m.request_id = r.id AND m.offer_id = o.id)
          ORDER BY r.id, o.id LIMIT 120`,
      );
      expect(pairs.length).toBeGreaterThanOrEqual(60);
      let seed = 7;
      const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
      for (const [i, pair] of pairs.entries()) {
        const positive = i % 2 === 0;
        const components = COMPONENT_KEYS.map((key) => ({
          key,
          value: key === 'textRelevance' ? (positive ? 0.35 + 0.4 * random() : 0.1 * random()) : random(),
          weight: 1,
          contribution: 0,
        }));
        await runner.query(
          // created_at in the order written: the fit reads decisions by (created_at, id) and folds them in that order,
          // so with one transaction's now() for all, the random ids would deal them into folds differently each run.
          `INSERT INTO matches (id, request_id, offer_id, score, components, origin, status, version, created_at)
           VALUES ($1, $2, $3, 0.5, $4, 'engine', $5, 1, clock_timestamp())`,
          [randomUUID(), pair.request_id, pair.offer_id, JSON.stringify(components), positive ? 'endorsed' : 'dismissed'],
        );
      }
      await fit(asked.body.id, runner.manager);
      const fitted = await runner.manager.findOneByOrFail(WeightsProposalEntity, { id: asked.body.id });
      expect(fitted.status).toBe('proposed');
      expect(fitted.figures!.examples).toBeGreaterThanOrEqual(pairs.length);
      const share = (weights: Record<string, number>) => weights.textRelevance / Object.values(weights).reduce((a, b) => a + b, 0);
      expect(share(fitted.weights!)).toBeGreaterThan(share(profile.weights));
      const past = fitted.figures!.pastDecisions!;
      expect(past.proposed.auc).toBeGreaterThan(past.current.auc);
      for (const regime of ['full', 'loose'] as const) {
        for (const side of ['current', 'proposed'] as const) {
          const figures = fitted.figures!.labelledSet![regime][side];
          expect(figures.ndcgAt5).toBeGreaterThan(0);
          expect(figures.ndcgAt5).toBeLessThanOrEqual(1);
        }
      }
      // A redelivered event finds the proposal fitted and changes nothing.
      await fit(asked.body.id, runner.manager);
      expect((await runner.manager.findOneByOrFail(WeightsProposalEntity, { id: asked.body.id })).fittedAt).toEqual(fitted.fittedAt);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
    // Nothing is applied by a fit.
    expect((await admin.get('/api/v1/matching/profile')).body.version).toBe(profile.version);
  });

  it('says so when there are too few decisions to fit', async () => {
    const asked = await admin.post('/api/v1/matching/proposals', {});
    const runner = ds.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      // Every decision withdrawn, inside the rolled-back transaction.
      await runner.query(`UPDATE matches SET components = '[]'::jsonb`);
      await fit(asked.body.id, runner.manager);
      const fitted = await runner.manager.findOneByOrFail(WeightsProposalEntity, { id: asked.body.id });
      expect(fitted).toMatchObject({ status: 'not_enough_decisions', weights: null, figures: { examples: 0, reason: 'too_few_decisions' } });
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('applies a proposal as a new profile version with a rescore, once; a stale or decided proposal is refused', async () => {
    const profile = (await admin.get('/api/v1/matching/profile')).body;
    const weights = { ...profile.weights, textRelevance: profile.weights.textRelevance + 0.05 };
    // The worker's part, as it would leave it (the fit itself is tested above).
    const proposalWith = async (baseVersion: number) => {
      const asked = await admin.post('/api/v1/matching/proposals', {});
      await ds.getRepository(WeightsProposalEntity).update(asked.body.id, { status: 'proposed', weights, baseVersion, fittedAt: new Date() });
      return asked.body.id as string;
    };
    const stale = await proposalWith(profile.version - 1);
    expect((await admin.post(`/api/v1/matching/proposals/${stale}/apply`, {})).status).toBe(409);

    const id = await proposalWith(profile.version);
    expect((await admin.post(`/api/v1/matching/proposals/${id}/apply`, { comment: 42 })).status).toBe(400);
    const applied = await admin.post(`/api/v1/matching/proposals/${id}/apply`, { comment: 'Fitted on this year’s decisions' });
    expect(applied.status).toBe(200);
    expect(applied.body.proposal).toMatchObject({ status: 'applied', appliedVersion: profile.version + 1, decidedAt: expect.any(String) });
    expect(applied.body.profile).toMatchObject({ version: profile.version + 1, weights, threshold: profile.threshold, topK: profile.topK, rescore: { trigger: 'weights_changed' } });
    expect((await admin.post(`/api/v1/matching/proposals/${id}/apply`, {})).status).toBe(409);
    expect((await admin.post(`/api/v1/matching/proposals/${id}/dismiss`, {})).status).toBe(409);
    // The proposal made against the old version is now stale too; it can still be dismissed.
    expect((await admin.post(`/api/v1/matching/proposals/${stale}/dismiss`, {})).body.status).toBe('dismissed');
    const listed = (await expert.get('/api/v1/matching/proposals')).body as { id: string }[];
    expect(listed.map((p) => p.id)).toEqual(expect.arrayContaining([id, stale]));
  });
});
