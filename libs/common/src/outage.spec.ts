import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './http-exception.filter';
import { outageOf } from './outage';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('outageOf', () => {
  it('recognises PostgreSQL outages however the driver reports them', () => {
    expect(outageOf(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe('database');
    expect(outageOf(new Error('Connection terminated unexpectedly'))).toBe('database');
    expect(outageOf(withCode('terminating connection due to administrator command', '57P01'))).toBe('database');
    expect(outageOf(withCode('the database system is starting up', '57P03'))).toBe('database');
    expect(outageOf(new QueryFailedError('SELECT 1', [], withCode('connection failure', '08006')))).toBe('database');
  });

  it('recognises Redis outages', () => {
    expect(outageOf(Object.assign(new Error('Reached the max retries per request limit (which is 2).'), { name: 'MaxRetriesPerRequestError' }))).toBe('redis');
    expect(outageOf(new Error('Connection is closed.'))).toBe('redis');
  });

  it('leaves ordinary errors alone', () => {
    expect(outageOf(new QueryFailedError('INSERT', [], withCode('duplicate key', '23505')))).toBeNull();
    expect(outageOf(new TypeError('x is undefined'))).toBeNull();
  });

  it('answers an outage with 503 and how long to wait', () => {
    expect(toErrorBody(new Error('Connection terminated unexpectedly'))).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      details: { dependency: 'database', retryAfterSeconds: expect.any(Number) },
    });
  });
});
