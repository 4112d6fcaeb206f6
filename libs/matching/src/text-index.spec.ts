import fc from 'fast-check';
import {
  TextIndex,
  TextScatter,
  clusterSimilarityBound,
  conceptsOf,
  cosineSimilarity,
  denseCosineSimilarity,
  tokenize,
} from './text-index';
import { stem } from './text-analysis';

describe('tokenize', () => {
  it('lower-cases, drops English stop words and folds plurals and -ing/-ed forms', () => {
    expect(tokenize('The Export Controls of dual-use items and the licensing of exports')).toEqual([
      'export',
      'control',
      'dual',
      'use',
      'item',
      'licens',
      'export',
    ]);
    expect(stem('controlled')).toBe(stem('controls'));
    expect(stem('licensing')).toBe(stem('license'));
  });

  it('splits Cyrillic text into words, drops Russian stop words and folds case endings', () => {
    expect(tokenize('Контроль экспорта и национальный контрольный список для таможни')).toEqual([
      'контрол',
      'экспорт',
      'национальн',
      'контрольн',
      'список',
      'таможн',
    ]);
    expect(stem('лаборатории')).toBe(stem('лаборатория'));
    expect(stem('безопасности')).toBe(stem('безопасность'));
  });

  it('keeps Mongolian Cyrillic letters and digits, drops single letters, folds ё', () => {
    expect(tokenize('Монгол Улсын BSL-3 лаборатори 1540 a ёмкость')).toEqual([
      'монгол',
      'улсын',
      'bsl',
      '3',
      'лаборатор',
      '1540',
      'емкост',
    ]);
  });
});

describe('TextIndex', () => {
  const build = (docs: Record<string, string>): TextIndex => {
    const index = new TextIndex();
    for (const [id, text] of Object.entries(docs)) index.upsert(id, text);
    return index;
  };

  it('ranks the document sharing the query’s rare words first, in English and in Russian', () => {
    const index = build({
      exportControl: 'Export control outreach: national control list of dual-use items and licensing',
      biosafety: 'Biosafety laboratory construction and training for laboratory staff',
      ruExport: 'Экспортный контроль: национальный список товаров двойного назначения',
      ruLab: 'Строительство лаборатории биобезопасности и обучение персонала',
    });
    const en = index.query('We need help drafting a national list of dual-use items');
    const ru = index.query('Нужна помощь в создании лаборатории биобезопасности');
    const sim = (q: typeof en, id: string) => cosineSimilarity(q, index.vector(id)!);
    expect(sim(en, 'exportControl')).toBeGreaterThan(sim(en, 'biosafety'));
    expect(sim(en, 'ruLab')).toBe(0);
    expect(sim(ru, 'ruLab')).toBeGreaterThan(sim(ru, 'ruExport'));
    expect(sim(ru, 'ruLab')).toBeGreaterThan(0.3);
  });

  it('gives similarity 1 to a document identical to the query and 0 to an empty query', () => {
    const index = build({ a: 'customs training on strategic goods', b: 'nuclear security equipment' });
    expect(cosineSimilarity(index.query('customs training on strategic goods'), index.vector('a')!)).toBe(1);
    expect(cosineSimilarity(index.query('the of and'), index.vector('a')!)).toBe(0);
  });

  it('after upserts and removals holds the same vectors as an index built from the final documents', () => {
    const incremental = build({ a: 'export control', b: 'customs border', c: 'biosafety laboratory' });
    incremental.upsert('b', 'customs border training');
    incremental.remove('c');
    incremental.upsert('d', 'export licensing');
    const fresh = build({ a: 'export control', b: 'customs border training', d: 'export licensing' });
    const q = 'export control training for customs';
    for (const id of ['a', 'b', 'd']) {
      expect(cosineSimilarity(incremental.query(q), incremental.vector(id)!)).toBeCloseTo(
        cosineSimilarity(fresh.query(q), fresh.vector(id)!),
        12,
      );
    }
    expect(incremental.vector('c')).toBeUndefined();
    expect(incremental.documentCount).toBe(3);
  });

  it('counts a word’s rarity among the documents of its language: shared boilerplate does not outvote the subject', () => {
    // Two French offers among English ones both say "appui" (support): it is common in French, rare in the corpus
    // only because few offers are written in French. Counted over every document it would outweigh the export
    // licensing the request shares with an English offer.
    const index = build({
      outreach: 'Export control outreach for industry and academia',
      licensing: 'Export licensing training for officials',
      lab: 'Biosafety training for laboratory staff',
      detection: 'Radiation detection equipment at border crossings',
      reactors: 'Nuclear security culture at research reactors',
      frLab: 'Appui à la biosécurité des laboratoires',
      frDetection: 'Appui à la détection des rayonnements aux frontières',
    });
    const q = index.query('Appui au contrôle des exportations');
    const sim = (id: string) => cosineSimilarity(q, index.vector(id)!);
    expect(sim('licensing')).toBeGreaterThan(sim('frLab'));
    expect(sim('licensing')).toBeGreaterThan(sim('frDetection'));
    expect(sim('outreach')).toBeGreaterThan(sim('licensing'));
  });

  it('keeps the language counts right through upserts and removals of documents in other languages', () => {
    const incremental = build({
      a: 'export control',
      fr: 'appui au contrôle des exportations',
      ru: 'экспортный контроль и таможня',
    });
    incremental.remove('fr');
    incremental.upsert('ru', 'таможня');
    incremental.upsert('es', 'apoyo al control de exportaciones');
    const fresh = build({ a: 'export control', ru: 'таможня', es: 'apoyo al control de exportaciones' });
    for (const q of ['apoyo al control de exportaciones', 'экспортный контроль таможня', 'export control']) {
      for (const id of ['a', 'ru', 'es']) {
        expect(cosineSimilarity(incremental.query(q), incremental.vector(id)!)).toBeCloseTo(
          cosineSimilarity(fresh.query(q), fresh.vector(id)!),
          12,
        );
      }
    }
  });

  const words = ['export', 'control', 'customs', 'training', 'laboratory', 'экспорт', 'контроль', 'таможня', 'list'];
  const textArb = fc.array(fc.constantFrom(...words), { maxLength: 12 }).map((w) => w.join(' '));

  it('the cluster-norm bound holds for every document, also after documents change', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 8 }), textArb, textArb, (docs, query, edit) => {
        const index = new TextIndex();
        docs.forEach((d, i) => index.upsert(`d${i}`, d));
        const check = () => {
          const q = index.query(query);
          for (let i = 0; i < docs.length; i++) {
            const v = index.vector(`d${i}`);
            if (v) expect(cosineSimilarity(q, v)).toBeLessThanOrEqual(clusterSimilarityBound(q, v));
          }
        };
        check();
        const generation = index.generation;
        index.upsert('d0', edit);
        index.remove(`d${docs.length - 1}`);
        check();
        expect(index.generation).toBeGreaterThan(generation);
      }),
    );
  });

  it('similarity lies in [0, 1], the dense route equals the merge bit for bit, and the bound holds', () => {
    fc.assert(
      fc.property(fc.array(textArb, { minLength: 1, maxLength: 8 }), textArb, (docs, query) => {
        const index = new TextIndex();
        docs.forEach((d, i) => index.upsert(`d${i}`, d));
        const q = index.query(query);
        const dense = new TextScatter().scatter(q, index.vocabularySize);
        const bound = index.similarityBound(q);
        docs.forEach((_d, i) => {
          const v = index.vector(`d${i}`)!;
          const s = cosineSimilarity(q, v);
          expect(s).toBeGreaterThanOrEqual(0);
          expect(s).toBeLessThanOrEqual(1);
          expect(denseCosineSimilarity(dense, v)).toBe(s);
          expect(s).toBeLessThanOrEqual(bound);
        });
      }),
    );
  });
});

describe('thesaurus concepts', () => {
  it('reads a phrase in Russian, French or Spanish as the same concept as in English', () => {
    const en = conceptsOf(tokenize('Training on dual-use items for customs officers'));
    expect(en).toEqual(expect.arrayContaining(['§dual_use_items', '§customs_border']));
    expect(conceptsOf(tokenize('Обучение по товарам двойного назначения для таможни'))).toEqual(
      expect.arrayContaining(['§dual_use_items', '§customs_border']),
    );
    expect(conceptsOf(tokenize('Formation sur les biens à double usage pour les douanes'))).toEqual(
      expect.arrayContaining(['§dual_use_items', '§customs_border']),
    );
    expect(conceptsOf(tokenize('Capacitación sobre bienes de doble uso para las aduanas'))).toEqual(
      expect.arrayContaining(['§dual_use_items', '§customs_border']),
    );
  });

  it('counts overlapping phrases of one concept once, and each separate mention', () => {
    expect(conceptsOf(tokenize('a national control list'))).toEqual(['§control_list']);
    expect(conceptsOf(tokenize('the control list, and later the control list again'))).toEqual([
      '§control_list',
      '§control_list',
    ]);
    expect(conceptsOf(tokenize('lists of items'))).toEqual([]);
  });

  it('lets a Russian request find an English offer about the same need', () => {
    const index = new TextIndex();
    index.upsert('list', 'Drafting a national control list of dual-use items and licensing procedures');
    index.upsert('lab', 'Design and equipment of a BSL-3 laboratory for dangerous pathogens');
    const query = index.query('Разработка национального списка контроля товаров двойного назначения');
    expect(cosineSimilarity(query, index.vector('list')!)).toBeGreaterThan(0.1);
    expect(cosineSimilarity(query, index.vector('lab')!)).toBe(0);
  });

  it('names what a query and a document share: concepts first, then words as the document writes them', () => {
    const index = new TextIndex();
    index.upsert('bafa', 'BAFA shares its practice on control lists of dual-use items, licensing and Procedures');
    index.upsert('boats', 'Maritime patrol boats');
    index.upsert('numbers', 'six five four three two one');
    const query = index.query(
      'Mongolia asks for a national control list of dual-use goods and help with licensing procedures',
    );
    const shared = index.sharedTerms(query, 'bafa');
    expect(shared.slice(0, 2).sort()).toEqual(['control list', 'dual-use items']);
    expect(shared.slice(2).sort()).toEqual(['licensing', 'procedures']);
    expect(index.sharedTerms(index.query('Biosafety laboratory'), 'boats')).toEqual([]);
    expect(index.sharedTerms(index.query('one two three four five six'), 'numbers', 2)).toHaveLength(2);
    expect(index.sharedTerms(query, 'unknown')).toEqual([]);
  });
});
