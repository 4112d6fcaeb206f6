import { DOMAINS, PROVISIONS } from './codes.data';
import { THESAURUS } from './thesaurus.data';

describe('the 1540 thesaurus', () => {
  it('has unique ids, known provisions and domains, and terms in English, Russian, French and Spanish', () => {
    expect(new Set(THESAURUS.map((c) => c.id)).size).toBe(THESAURUS.length);
    for (const concept of THESAURUS) {
      expect(concept.id).toMatch(/^[a-z_]+$/);
      for (const p of concept.provisions) expect(PROVISIONS).toContain(p);
      expect(concept.domains.length).toBeGreaterThan(0);
      for (const d of concept.domains) expect(DOMAINS).toContain(d);
      for (const language of ['en', 'ru', 'fr', 'es'] as const) {
        expect(concept.terms[language].length).toBeGreaterThan(0);
        for (const term of concept.terms[language]) expect(term.trim()).toBe(term);
      }
    }
  });

  it('writes Russian terms in Cyrillic and the others in Latin script, acronyms aside', () => {
    for (const concept of THESAURUS) {
      for (const term of concept.terms.ru) if (!/^[A-Z0-9-]+$/.test(term)) expect(term).toMatch(/[а-яё]/i);
      for (const language of ['en', 'fr', 'es'] as const) {
        for (const term of concept.terms[language]) expect(term).not.toMatch(/[а-яё]/i);
      }
    }
  });
});
