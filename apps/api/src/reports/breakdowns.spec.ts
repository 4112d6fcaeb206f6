import { breakdowns, type GroupRow, type ReportCode } from './breakdowns';

const codes: ReportCode[] = [
  { kind: 'provision', code: 'OP3d', bit: 0 },
  { kind: 'provision', code: 'OP1', bit: 1 },
  { kind: 'domain', code: 'NUCLEAR', bit: 0 },
  { kind: 'domain', code: 'CHEMICAL', bit: 3 },
  { kind: 'assistance_type', code: 'TRAINING', bit: 0 },
  { kind: 'assistance_type', code: 'EQUIPMENT', bit: 1 },
];
const group = (row: Partial<GroupRow> & Pick<GroupRow, 'kind' | 'n'>): GroupRow => ({
  status: null,
  state: null,
  provisionBits: null,
  domainBits: null,
  typeBits: null,
  withdrawn: null,
  ...row,
});

describe('report breakdowns from grouped sets of bits', () => {
  it('counts each request once under every code of its sets, and pairs only for requests not withdrawn', () => {
    const result = breakdowns(
      [
        group({ kind: 'status', status: 'submitted', n: 3 }),
        group({ kind: 'status', status: 'withdrawn', n: 2 }),
        // OP3d + OP1 × NUCLEAR + CHEMICAL, three requests; OP1 × CHEMICAL, two withdrawn ones.
        group({ kind: 'pair', provisionBits: 0b11, domainBits: 0b1001, withdrawn: false, n: 3 }),
        group({ kind: 'pair', provisionBits: 0b10, domainBits: 0b1000, withdrawn: true, n: 2 }),
        group({ kind: 'type', typeBits: 0b11, n: 4 }),
        group({ kind: 'type', typeBits: 0b01, n: 1 }),
      ],
      codes,
      [
        { provision: 'OP1', domain: 'CHEMICAL', n: 5 },
        { provision: 'OP2', domain: 'BIOLOGICAL', n: 1 },
      ],
    );
    expect(result.byStatus).toEqual({ submitted: 3, withdrawn: 2 });
    expect(result.byProvision).toEqual({ OP1: 5, OP3d: 3 });
    expect(result.byDomain).toEqual({ CHEMICAL: 5, NUCLEAR: 3 });
    expect(result.byAssistanceType).toEqual({ EQUIPMENT: 4, TRAINING: 5 });
    // Sorted by provision then domain; a pair only offered shows with nothing requested.
    expect(result.coverage).toEqual([
      { provision: 'OP1', domain: 'CHEMICAL', requested: 3, offered: 5 },
      { provision: 'OP1', domain: 'NUCLEAR', requested: 3, offered: 0 },
      { provision: 'OP2', domain: 'BIOLOGICAL', requested: 0, offered: 1 },
      { provision: 'OP3d', domain: 'CHEMICAL', requested: 3, offered: 0 },
      { provision: 'OP3d', domain: 'NUCLEAR', requested: 3, offered: 0 },
    ]);
    expect(Object.keys(result.byProvision)).toEqual(['OP1', 'OP3d']);
  });

  it('lists the 200 States with the most requests, most first, ties by code', () => {
    const states = Array.from({ length: 205 }, (_, i) => group({ kind: 'state', state: `S${String(i).padStart(3, '0')}`, n: i % 7 }));
    const shown = Object.entries(breakdowns(states, codes, []).byState);
    expect(shown).toHaveLength(200);
    expect(shown[0]).toEqual(['S006', 6]);
    expect(shown[1]).toEqual(['S013', 6]);
    expect(shown.every(([, n], i) => i === 0 || shown[i - 1][1] >= n)).toBe(true);
    // The five left out are five of those with none.
    expect(shown.filter(([, n]) => n === 0)).toHaveLength(states.filter((s) => s.n === 0).length - 5);
  });

  it('gives empty breakdowns for no requests', () => {
    expect(breakdowns([], codes, [])).toEqual({ byStatus: {}, byProvision: {}, byDomain: {}, byAssistanceType: {}, byState: {}, coverage: [] });
  });
});
