/**
 * The summary's breakdowns of the requests in scope, from the rows of one GROUPING SETS pass (reports.service.ts):
 * counts per status, per State, per set of assistance types and per pair of provision and domain sets with the
 * withdrawn flag. Code lists are sets of bits there (request_milestones), each code's bit given by report_codes.
 */

/** One group: `kind` names the set it belongs to; the columns outside that set are null. */
export interface GroupRow {
  kind: 'status' | 'state' | 'type' | 'pair';
  status: string | null;
  state: string | null;
  provisionBits: number | null;
  domainBits: number | null;
  typeBits: number | null;
  withdrawn: boolean | null;
  n: number;
}

export interface ReportCode {
  kind: 'provision' | 'domain' | 'assistance_type';
  code: string;
  bit: number;
}

/** Matchable offers per provision and domain: the coverage grid's other side. */
export interface OfferedPair {
  provision: string;
  domain: string;
  n: number;
}

export interface Breakdowns {
  byStatus: Record<string, number>;
  byProvision: Record<string, number>;
  byDomain: Record<string, number>;
  byAssistanceType: Record<string, number>;
  /** The 200 States with the most requests, most first, ties by code. */
  byState: Record<string, number>;
  /** Every provision × domain pair requested (withdrawn requests left out) or offered, by provision then domain. */
  coverage: { provision: string; domain: string; requested: number; offered: number }[];
}

const STATES_SHOWN = 200;
/** Codes and States by their characters' code points: the same order whatever the database's collation. */
const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The codes of a kind whose bits are in `bits`. */
function decoder(codes: readonly ReportCode[], kind: ReportCode['kind']): (bits: number) => string[] {
  const own = codes.filter((c) => c.kind === kind);
  return (bits) => own.filter((c) => (bits & (1 << c.bit)) !== 0).map((c) => c.code);
}

function add(counts: Map<string, number>, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

const sortedRecord = (counts: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...counts].sort(([a], [b]) => byCode(a, b)));

export function breakdowns(groups: readonly GroupRow[], codes: readonly ReportCode[], offered: readonly OfferedPair[]): Breakdowns {
  const provisions = decoder(codes, 'provision');
  const domains = decoder(codes, 'domain');
  const types = decoder(codes, 'assistance_type');
  const status = new Map<string, number>();
  const state = new Map<string, number>();
  const provision = new Map<string, number>();
  const domain = new Map<string, number>();
  const type = new Map<string, number>();
  // provision → domain → [requested, offered]
  const grid = new Map<string, Map<string, [number, number]>>();
  const cell = (p: string, d: string): [number, number] => {
    const row = grid.get(p) ?? grid.set(p, new Map()).get(p)!;
    return row.get(d) ?? row.set(d, [0, 0]).get(d)!;
  };

  for (const g of groups) {
    if (g.kind === 'status') add(status, g.status!, g.n);
    else if (g.kind === 'state') add(state, g.state!, g.n);
    else if (g.kind === 'type') for (const c of types(g.typeBits!)) add(type, c, g.n);
    else {
      // A request counts once under each of its provisions and domains, and in each of their pairs unless withdrawn.
      const [ps, ds] = [provisions(g.provisionBits!), domains(g.domainBits!)];
      for (const p of ps) add(provision, p, g.n);
      for (const d of ds) add(domain, d, g.n);
      if (!g.withdrawn) for (const p of ps) for (const d of ds) cell(p, d)[0] += g.n;
    }
  }
  for (const o of offered) cell(o.provision, o.domain)[1] += o.n;

  const shownStates = [...state].sort(([a, x], [b, y]) => y - x || byCode(a, b)).slice(0, STATES_SHOWN);
  const coverage = [...grid]
    .sort(([a], [b]) => byCode(a, b))
    .flatMap(([p, row]) =>
      [...row].sort(([a], [b]) => byCode(a, b)).map(([d, [requested, offers]]) => ({ provision: p, domain: d, requested, offered: offers })),
    );
  return {
    byStatus: sortedRecord(status),
    byProvision: sortedRecord(provision),
    byDomain: sortedRecord(domain),
    byAssistanceType: sortedRecord(type),
    byState: Object.fromEntries(shownStates),
    coverage,
  };
}
