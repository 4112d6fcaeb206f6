import { isStateCode, type StateCode } from './taxonomy';

/** A request's human reference, `MNG-2020-003`: requesting State, year, and a per-State-and-year sequence. */
export interface RequestReference {
  readonly state: StateCode;
  readonly year: number;
  readonly seq: number;
}

const REFERENCE_PATTERN = /^([A-Z]{3})-([1-9]\d{3})-(\d{3,})$/;

export function formatRequestReference(state: string, year: number, seq: number): string {
  if (!isStateCode(state)) throw new RangeError(`not a State code: ${state}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a four-digit year: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`not a positive sequence number: ${seq}`);
  return `${state}-${year}-${String(seq).padStart(3, '0')}`;
}

/** The parts of a reference, or null. Only the canonical spelling parses: not `MNG-2020-0003`, not `MNG-2020-000`. */
export function parseRequestReference(reference: string): RequestReference | null {
  const [, state = '', year, seq] = REFERENCE_PATTERN.exec(reference) ?? [];
  if (!isStateCode(state)) return null;
  const parsed = { state, year: Number(year), seq: Number(seq) };
  const canonical = Number.isSafeInteger(parsed.seq) && parsed.seq >= 1;
  return canonical && formatRequestReference(state, parsed.year, parsed.seq) === reference ? parsed : null;
}
