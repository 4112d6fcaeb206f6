import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './http-exception.filter';

const withCode = (message: string, code: string) => Object.assign(new DatabaseError(message, 0, 'error'), { code });

describe('toErrorBody: database errors', () => {
  it.each([
    ['through TypeORM', (e: DatabaseError) => new QueryFailedError('SELECT', [], e)],
    ['straight from the pool', (e: DatabaseError) => e],
  ])('answers a value PostgreSQL cannot read with 400 and a duplicate with 409, %s', (_how, thrown) => {
    expect(toErrorBody(thrown(withCode('invalid input syntax for type uuid', '22P02'))).statusCode).toBe(400);
    expect(toErrorBody(thrown(withCode('invalid byte sequence', '22021'))).statusCode).toBe(400);
    expect(toErrorBody(thrown(withCode('duplicate key', '23505'))).statusCode).toBe(409);
    expect(toErrorBody(thrown(withCode('division by zero', '22012'))).statusCode).toBe(500);
  });

  it('never puts the SQL or the driver message in the answer', () => {
    const body = toErrorBody(
      new QueryFailedError('SELECT secret FROM t', [], withCode('relation "t" does not exist', '42P01')),
    );
    expect(body.statusCode).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/secret|relation/);
  });
});
