/** A LIKE/ILIKE pattern that matches `s` literally, wherever it stands: `%s%` with its wildcards escaped. */
export const containsPattern = (s: string): string => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * One literal SQL string of a known code, e.g. `'draft'`, for a status defined in libs/domain: write it as
 * `sqlValue('draft' satisfies RequestStatus)`, so that renaming the status fails to compile here too.
 */
export const sqlValue = (value: string): string => `'${value.replace(/'/g, "''")}'`;

/** An ORDER BY expression ranking `column` by the position of its value in `values` (workflow order). */
export const orderOf = (values: readonly string[], column: string): string =>
  `array_position(ARRAY[${values.map(sqlValue).join(',')}]::varchar[], ${column})`;

/** A literal SQL list of known codes, e.g. `('suggested','dismissed')`, for statuses defined in libs/domain. */
export const sqlList = (values: readonly string[]): string => `(${values.map(sqlValue).join(',')})`;
