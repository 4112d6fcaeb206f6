/** A LIKE/ILIKE pattern that matches `s` literally, wherever it stands: `%s%` with its wildcards escaped. */
export const containsPattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** An ORDER BY expression ranking `column` by the position of its value in `values` (workflow order). */
export const orderOf = (values: readonly string[], column: string): string =>
  `array_position(ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::varchar[], ${column})`;

/** A literal SQL list of known codes, e.g. `('suggested','dismissed')`, for statuses defined in libs/domain. */
export const sqlList = (values: readonly string[]): string => `(${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')})`;
