import { pickAnswerLanguage, translator } from './catalogues';
import { formatMessage, placeholdersOf } from './icu';
import { PSEUDO_MARK, pseudoMessage } from './pseudo';

describe('pseudo-locale', () => {
  it('accents letters, keeps placeholders and plural arms, and makes the text about 40% longer', () => {
    const source = '{count, plural, one {# unread notification for {name}} other {# unread notifications for {name}}}';
    const pseudo = pseudoMessage(source);
    expect(placeholdersOf(pseudo)).toEqual(placeholdersOf(source));
    const english = formatMessage(source, 'en', { count: 2, name: 'Ana' });
    const shown = formatMessage(pseudo, 'en', { count: 2, name: 'Ana' });
    expect(shown).toMatch(PSEUDO_MARK);
    expect(shown).toContain('Ana');
    expect(shown).toContain('2');
    expect(shown.length).toBeGreaterThanOrEqual(english.length * 1.3);
  });

  it('keeps apostrophes literal', () => {
    expect(formatMessage(pseudoMessage("{state}'s agencies"), 'en', { state: 'MNG' })).toMatch(/^⟦MNG'š àĝéñçîéš·+⟧$/);
  });

  it('is what the server answers in when Accept-Language asks for it first, the saved preference notwithstanding', () => {
    expect(pickAnswerLanguage('fr', 'en-XA, en;q=0.8')).toBe('en-XA');
    expect(pickAnswerLanguage('fr', 'en, en-XA;q=0.8')).toBe('fr');
    expect(pickAnswerLanguage(null, 'mn')).toBe('mn');
    // Generated from the English catalogue, as the web app's: accented, with English's arguments.
    const label = translator('en-XA')('taxonomy.domains.NUCLEAR.label');
    expect(label).toMatch(PSEUDO_MARK);
    expect(label).not.toBe(translator('en')('taxonomy.domains.NUCLEAR.label'));
  });
});
