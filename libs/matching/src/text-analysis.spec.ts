import { detectLanguages, stem, termReader } from './text-analysis';
import { tokenize } from './text-index';

describe('detectLanguages', () => {
  it('reads Latin words in the language whose stop words the text uses most, English on a tie', () => {
    expect(detectLanguages('Formation des agents des douanes à la détection des biens').latin).toBe('fr');
    expect(detectLanguages('Capacitación de los funcionarios de aduanas en la detección').latin).toBe('es');
    expect(detectLanguages('Training for customs officers on the detection of goods').latin).toBe('en');
    expect(detectLanguages('BSL-3').latin).toBe('en');
  });

  it('reads Cyrillic as Mongolian when the text writes ө or ү, else as Russian', () => {
    expect(detectLanguages('Хоёр зориулалттай бүтээгдэхүүний хяналт').cyrillic).toBe('mn');
    expect(detectLanguages('Контроль товаров двойного назначения').cyrillic).toBe('ru');
  });
});

describe('stem', () => {
  it('folds inflections with the Snowball stemmer of the word’s language', () => {
    expect(stem('controls')).toBe(stem('controlled'));
    expect(stem('contrôles', { latin: 'fr', cyrillic: 'ru' })).toBe(stem('contrôle', { latin: 'fr', cyrillic: 'ru' }));
    expect(stem('laboratorios', { latin: 'es', cyrillic: 'ru' })).toBe(stem('laboratorio', { latin: 'es', cyrillic: 'ru' }));
    expect(stem('лаборатории')).toBe(stem('лабораторией'));
  });

  it('drops accents after stemming, so a French or Spanish stem meets the English one', () => {
    expect(stem('contrôles', { latin: 'fr', cyrillic: 'ru' })).toBe(stem('controls'));
    expect(stem('exportaciones', { latin: 'es', cyrillic: 'ru' })).toBe(stem('exports'));
  });

  it('keeps Mongolian words as written (no Snowball stemmer for Mongolian) and numbers untouched', () => {
    expect(stem('лабораторийн', { latin: 'en', cyrillic: 'mn' })).toBe('лабораторийн');
    expect(stem('1540')).toBe('1540');
  });
});

describe('termReader', () => {
  it('drops stop words of every language and single letters', () => {
    const read = termReader({ latin: 'fr', cyrillic: 'ru' });
    expect(['les', 'the', 'los', 'и', 'a'].map(read)).toEqual([null, null, null, null, null]);
    expect(read('douanes')).toBe('douan');
  });
});

describe('tokenize in several languages', () => {
  it('finds the same stems in an English and a French text about the same thing', () => {
    const en = new Set(tokenize('Export controls and licensing of exports'));
    const fr = tokenize('Les contrôles des exportations et les licences');
    expect(fr.filter((t) => en.has(t))).toEqual(expect.arrayContaining(['control', 'export']));
  });
});
