import { randomUUID } from 'node:crypto';
import { activeOffer, circulatedRequest, offerInput, requestInput } from '../factories';
import { ApiClient } from '../support/http';
import { startApiInProcess } from '../support/platform';

// Issue 10, point 9: every list with a search box finds a record by part of its reference (any case), by its
// title and by its description. Point 8: the duplicate guard's figure says how alike what it compares is.
describe('search boxes and the duplicate guard', () => {
  let api: Awaited<ReturnType<typeof startApiInProcess>>;
  let customs: ApiClient, expert: ApiClient, bafa: ApiClient, visitor: ApiClient;

  beforeAll(async () => {
    api = await startApiInProcess();
    [customs, expert, bafa] = await Promise.all((['customs', 'expert', 'bafa'] as const).map((k) => ApiClient.as(api.baseUrl, k)));
    visitor = new ApiClient(api.baseUrl);
  });
  afterAll(() => api.close());

  /** What a person might type to find `reference`: all of it in lower case, its State and year, its year and number. */
  const searchesFor = (reference: string) => [reference.toLowerCase(), reference.slice(0, 8), reference.slice(4), reference.slice(4).toLowerCase()];
  const referencesOf = (body: { items: { reference: string }[] }) => body.items.map((item) => item.reference);
  const search = (path: string, q: string) => `${path}${path.includes('?') ? '&' : '?'}q=${encodeURIComponent(q)}&sort=-createdAt&pageSize=100`;

  describe('requests', () => {
    let request: { id: string; reference: string; title: string };
    const word = `zeolite${randomUUID().slice(0, 6)}`;

    beforeAll(async () => {
      request = await circulatedRequest(api.baseUrl, {
        title: `Detector calibration for the ${word} border post`,
        description: `Calibration of radiation portal monitors, with spare parts for the ${word}x crossing laboratory.`,
        visibility: 'public',
      });
    });

    it.each([
      ['the agency’s own requests', 'customs', '/api/v1/requests'],
      ['the Committee’s register', 'expert', '/api/v1/requests'],
      ['the Committee’s register filtered by status', 'expert', '/api/v1/requests?status=circulated'],
      ['a provider’s circulated requests', 'bafa', '/api/v1/requests'],
    ] as const)('%s: a request is found by its reference, whole or in part, in any case', async (_list, who, path) => {
      const client = { customs, expert, bafa }[who];
      for (const q of searchesFor(request.reference)) {
        const found = await client.get(search(path, q));
        expect(found.status).toBe(200);
        expect(referencesOf(found.body)).toContain(request.reference);
        // What is found is found for a reason: the reference, title or description holds what was typed.
        for (const item of found.body.items) expect(`${item.reference} ${item.title} ${item.description}`.toLowerCase()).toContain(q.toLowerCase());
      }
      expect(referencesOf((await client.get(search(path, `${request.reference}9`))).body)).not.toContain(request.reference);
    });

    it('finds a request by words of its title and part of a word of its description', async () => {
      for (const q of [`${word} border`, `${word}x`, 'Detector calibration']) {
        expect(referencesOf((await expert.get(search('/api/v1/requests', q))).body)).toContain(request.reference);
      }
    });

    it('finds a request in the public register by its reference, title or description', async () => {
      for (const q of [...searchesFor(request.reference), word, `${word}x crossing`]) {
        const found = await visitor.get(search('/api/v1/public/requests', q));
        expect(found.status).toBe(200);
        expect(referencesOf(found.body)).toContain(request.reference);
      }
      expect(referencesOf((await visitor.get(search('/api/v1/public/requests', `${request.reference}9`))).body)).not.toContain(request.reference);
    });

    it('finds a match by its request’s reference or title, or by its offer’s title', async () => {
      const offer = await activeOffer(api.baseUrl, 'bafa', { title: `Portal monitor maintenance ${word}o` });
      const match = await expert.post('/api/v1/matches', { requestId: request.id, offerId: offer.id });
      expect(match.status).toBe(201);
      const other = await circulatedRequest(api.baseUrl);
      const otherMatch = await expert.post('/api/v1/matches', { requestId: other.id, offerId: offer.id });
      expect(otherMatch.status).toBe(201);

      for (const q of [...searchesFor(request.reference), 'Detector calibration', `${word}o`]) {
        const found = await expert.get(search('/api/v1/matches', q));
        expect(found.status).toBe(200);
        const ids = found.body.items.map((item: { id: string }) => item.id);
        expect(ids).toContain(match.body.id);
        // The other request's match shares the offer: a search on the offer finds it, one on the request does not.
        if (q === `${word}o`) expect(ids).toContain(otherMatch.body.id);
        if (q === request.reference.toLowerCase()) expect(ids).not.toContain(otherMatch.body.id);
      }
    });
  });

  it('finds an offer by words of its title and part of a word of its description', async () => {
    const word = `quartz${randomUUID().slice(0, 6)}`;
    const created = await bafa.post('/api/v1/offers', offerInput({ title: `Licensing workshop ${word}`, description: `Two-day workshop on licensing of ${word}y items.` }));
    expect(created.status).toBe(201);
    for (const q of [word, `licensing workshop ${word}`, `${word}y`]) {
      const found = await bafa.get(search('/api/v1/offers', q));
      expect(found.body.items.map((item: { id: string }) => item.id)).toEqual([created.body.id]);
    }
  });

  describe('the duplicate guard’s figure', () => {
    const tag = randomUUID().slice(0, 6);
    const longTitle = `Radiological source security training for customs officers at Zamiin-Uud ${tag}`;
    const description = 'Training for customs officers on detecting and securing orphan radioactive sources at the border.';
    let existing: { id: string; reference: string };

    beforeAll(async () => {
      existing = (await customs.post('/api/v1/requests', requestInput({ title: longTitle, description }))).body;
    });

    const figureFor = async (check: Record<string, unknown>) => {
      const found = await customs.post('/api/v1/requests/duplicate-check', check);
      expect(found.status).toBe(200);
      return (found.body as { id: string; similarity: number; titleSimilarity: number; descriptionSimilarity: number | null }[]).find((d) => d.id === existing.id);
    };

    it('does not call a shorter, different title 100 % similar', async () => {
      // Every word of it is in the open request's title, but that title says more: they are alike, not the same.
      const shorter = await figureFor({ title: 'Radiological source security training for customs officers' });
      expect(shorter!.similarity).toBeLessThan(0.9);
      expect(shorter!.similarity).toBeGreaterThanOrEqual(0.45);
      expect(shorter).toMatchObject({ titleSimilarity: shorter!.similarity, descriptionSimilarity: null });
      expect(await figureFor({ title: longTitle })).toMatchObject({ similarity: 1, titleSimilarity: 1, descriptionSimilarity: null });
    });

    it('compares description with description once the draft has one, and shows the mean', async () => {
      const same = await figureFor({ title: longTitle, description });
      expect(same).toMatchObject({ similarity: 1, titleSimilarity: 1, descriptionSimilarity: 1 });
      const other = await figureFor({ title: longTitle, description: 'Equipment for a biosafety level 3 laboratory in Ulaanbaatar, with training of its staff.' });
      expect(other!.titleSimilarity).toBe(1);
      expect(other!.descriptionSimilarity).toBeLessThan(0.4);
      expect(other!.similarity).toBeCloseTo((1 + other!.descriptionSimilarity!) / 2, 1);
      expect(other!.similarity).toBeLessThan(0.75);
      // A description still being typed is not compared (it would only drag the figure down).
      expect(await figureFor({ title: longTitle, description: 'Training' })).toMatchObject({ similarity: 1, descriptionSimilarity: null });
    });
  });
});
