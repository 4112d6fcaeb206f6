import { englishReason, type ReasonPart, taxonomyName } from '@app/matching';
import { reasonLineIn } from './reason-line';

const parts: ReasonPart[] = [
  { key: 'coversSome', provisions: ['OP3a', 'OP3c'], count: 3 },
  { key: 'named', provisions: ['OP2'] },
  { key: 'textClose', text: '0.42', least: '0.20' },
  { key: 'offersTypes', types: ['TRAINING'] },
  { key: 'servesVia', state: 'MNG', region: 'ASIA_PACIFIC' },
  { key: 'prior', count: 2, state: 'MNG' },
  { key: 'budget', percent: 80 },
];

describe('the reason line in the reader’s language', () => {
  it('says in English what the engine stores', () => {
    expect(reasonLineIn('en', parts)).toBe(englishReason(parts, { describe: taxonomyName }));
  });

  it('words it in French: the taxonomy’s names, the State from CLDR, French figures', () => {
    const fr = reasonLineIn('fr', parts);
    expect(fr).toMatch(/^couvre .+ et .+ — 2 sur 3 dispositions demandées/);
    expect(fr).toMatch(/le texte de la demande mentionne aussi \S/);
    expect(fr).toContain('pertinence textuelle 0,42, au moins 0,20');
    expect(fr).toContain('sert l’État (Mongolie)');
    expect(fr).toContain('2 engagements menés à bien avec l’État (Mongolie)');
    expect(fr).toContain('le budget couvre 80\u00a0% de l’estimation');
    expect(fr).not.toMatch(/covers|serves|budget covers|Training/);
  });

  it('words it in Mongolian', () => {
    const mn = reasonLineIn('mn', parts);
    expect(mn).toContain('заалтыг хамарна — хүссэн 3 заалтаас 2');
    expect(mn).toContain('Монгол улсад');
    expect(mn).toContain('80 хувийг');
    expect(mn).not.toMatch(/[A-Za-z]{5,}/);
  });

  it('words every clause in every language without a key or brace left', () => {
    const all: ReasonPart[] = [
      { key: 'noProvisions' },
      { key: 'coversNone', count: 1 },
      { key: 'textLow', text: '0.05', least: '0.20' },
      { key: 'offersNoTypes' },
      { key: 'servesDirectly', state: 'KAZ' },
      { key: 'servesGlobally', state: 'FRA' },
      { key: 'preferred' },
      { key: 'mentioned', terms: ['BSL-3'] },
      ...parts,
    ];
    for (const language of ['en', 'mn', 'ru', 'fr', 'es', 'ar', 'zh']) {
      expect({ language, line: reasonLineIn(language, all) }).not.toEqual({ language, line: expect.stringMatching(/matching\.reason|[{}]|undefined/) });
    }
  });
});
