import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { createDataSource } from '@app/database';
import { activeOffer, offerInput } from '../factories';
import { ApiClient } from '../support/http';
import { RunningProcess, spawnApp, waitFor } from '../support/platform';

const DAY_MS = 86_400_000;

describe('offer expiry', () => {
  let api: RunningProcess;
  let ds: DataSource;

  beforeAll(async () => {
    api = await spawnApp('api');
    ds = await createDataSource(loadConfig().database.DATABASE_URL).initialize();
  });
  afterAll(async () => {
    await api.stop();
    await ds.destroy();
  });

  it('refuses an available-until date in the past', async () => {
    const bafa = await ApiClient.as(api.baseUrl, 'bafa');
    const res = await bafa.post('/api/v1/offers', offerInput({ availableUntil: '2020-01-01' }));
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'availableUntil', message: 'must not be in the past' }]);
  });

  it('expires offers past their available-until date on its own, with history and an event', async () => {
    const offer = await activeOffer(api.baseUrl, 'wco', { availableUntil: new Date(Date.now() + 86400_000).toISOString().slice(0, 10) });
    const current = await activeOffer(api.baseUrl, 'wco', { availableUntil: new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10) });
    // Two days pass for the worker: the first offer's last day was yesterday.
    const worker = await spawnApp('worker', { TEST_CLOCK_OFFSET_MS: String(2 * DAY_MS) });
    try {
      const wco = await ApiClient.as(api.baseUrl, 'wco');
      const expired = await waitFor(async () => {
        const res = await wco.get(`/api/v1/offers/${offer.id}`);
        return res.body.status === 'expired' ? res.body : null;
      }, 20_000, 'the offer to expire');
      expect(expired.availableActions).toEqual([]);
      expect((await wco.get(`/api/v1/offers/${current.id}`)).body.status).toBe('active');
      const history = await wco.get(`/api/v1/offers/${offer.id}/history`);
      expect(history.body.at(-1)).toMatchObject({ action: 'expire', fromStatus: 'active', toStatus: 'expired', actor: { role: 'system' } });
      const [event] = await ds.query(`SELECT type FROM outbox_events WHERE subject_id = $1 AND type = 'offer.expired'`, [offer.id]);
      expect(event).toBeDefined();
    } finally {
      expect(await worker.stop()).toBe(0);
    }
  });
});
