import { generateRegistryWorld } from './world';

const NOW = new Date('2026-11-30T10:00:00Z');

describe('registry world', () => {
  const world = generateRegistryWorld({ requests: 600, offers: 200, seed: 7, now: NOW });

  it('is the same for the same seed, and has the same cast for another', () => {
    const again = generateRegistryWorld({ requests: 600, offers: 200, seed: 7, now: NOW });
    const other = generateRegistryWorld({ requests: 600, offers: 200, seed: 8, now: NOW });
    expect(again).toEqual(world);
    expect(other.requests).not.toEqual(world.requests);
    expect(other.organisations).toEqual(world.organisations);
    expect(world.requests).toHaveLength(600);
    expect(world.offers).toHaveLength(200);
  });

  it('links records to organisations of the cast, and leaves Mongolia to the demo', () => {
    const byEmail = new Map(world.organisations.map((o) => [o.email, o]));
    expect(byEmail.size).toBe(world.organisations.length);
    for (const r of world.requests) {
      expect(byEmail.get(r.author)).toMatchObject({ kind: 'state_agency', state: r.state });
      for (const p of r.preferredProviders) expect(byEmail.get(p)?.kind).toBe('provider');
    }
    for (const o of world.offers) expect(byEmail.get(o.provider)?.kind).toBe('provider');
    expect(world.requests.some((r) => r.state === 'MNG')).toBe(false);
  });

  it('gives every record a history that ends in its status, in order, before now', () => {
    for (const record of [...world.requests, ...world.offers]) {
      const { history } = record;
      expect(history[0]).toMatchObject({ action: 'create', to: 'draft' });
      expect(history.findLast((s) => s.to !== null)?.to).toBe(record.status);
      for (let i = 1; i < history.length; i++) expect(history[i].at > history[i - 1].at).toBe(true);
      expect(history[history.length - 1].at < NOW).toBe(true);
      for (const step of history) {
        // The committee works on working days.
        if (step.actor === 'committee') expect([0, 6]).not.toContain(step.at.getUTCDay());
      }
    }
  });

  it('draws most requests circulated and most offers active', () => {
    const share = (items: { status: string }[], status: string) =>
      items.filter((i) => i.status === status).length / items.length;
    expect(share(world.requests, 'circulated')).toBeGreaterThan(0.3);
    expect(share(world.offers, 'active') + share(world.offers, 'expired')).toBeGreaterThan(0.6);
  });
});
