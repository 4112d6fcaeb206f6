import { z } from 'zod';
import './zod-messages';

const messages = (schema: z.ZodType, input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('friendly validation messages', () => {
  const schema = z.strictObject({ title: z.string().min(5).max(10), tags: z.array(z.string()).min(1), kind: z.enum(['a', 'b']), id: z.uuid() });

  it('reads like a form hint', () => {
    expect(messages(schema, { title: 'abc', tags: [], kind: 'c', id: 'x', extra: 1 }).sort()).toEqual([
      ': field "extra" is not allowed',
      'id: must be a UUID',
      'kind: must be one of "a", "b"',
      'tags: must have at least 1 item',
      'title: must be at least 5 characters',
    ]);
    expect(messages(schema, { title: 'far too long a title', tags: 'x', kind: 'a' })).toEqual([
      'title: must be at most 10 characters',
      'tags: must be a list',
      'id: is required',
    ]);
  });

  it('keeps a schema’s own message', () => {
    expect(messages(z.string().min(3, 'too short!'), 'a')).toEqual([': too short!']);
  });
});
