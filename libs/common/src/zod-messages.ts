import { z } from 'zod';

type Issue = Parameters<NonNullable<NonNullable<Parameters<typeof z.config>[0]>['customError']>>[0];

const list = (values: readonly unknown[]) => values.map((v) => JSON.stringify(v)).join(', ');

/**
 * Messages a person reads next to a form field ("must be at least 5 characters"), instead of zod's defaults.
 * Installed once, for every schema of the process; a schema's own message still wins.
 */
export function friendlyMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n === 1 ? 'must not be empty' : `must be at least ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at least ${n} item${n === 1 ? '' : 's'}`;
      return `must be at least ${n}`;
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return `must be at most ${n} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${n} items`;
      return `must be at most ${n}`;
    }
    case 'unrecognized_keys':
      return `${issue.keys.length === 1 ? 'field' : 'fields'} ${list(issue.keys)} ${issue.keys.length === 1 ? 'is' : 'are'} not allowed`;
    case 'invalid_value':
      return `must be one of ${list(issue.values)}`;
    case 'invalid_format':
      return issue.format === 'uuid' ? 'must be a UUID' : issue.format === 'email' ? 'must be an e-mail address' : undefined;
    default:
      return undefined;
  }
}

z.config({ customError: friendlyMessage });
