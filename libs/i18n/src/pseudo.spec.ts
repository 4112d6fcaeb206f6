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
});
