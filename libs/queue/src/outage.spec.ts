import { isOutage, isOutageMessage } from './outage';

describe('isOutage', () => {
  it('recognises a dependency that is not answering', () => {
    expect(isOutage(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
    // TypeORM wraps the driver's error; PostgreSQL shutting down answers 57P01.
    expect(isOutage({ message: 'terminating connection due to administrator command', driverError: { code: '57P01' } })).toBe(true);
    expect(isOutage(new Error('query failed', { cause: { code: '57P03', message: 'the database system is starting up' } }))).toBe(true);
    expect(isOutage(Object.assign(new Error('Connection closed'), { code: 'ESOCKET' }))).toBe(true);
  });

  it('leaves failures of the job itself to the attempt policy', () => {
    expect(isOutage(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(isOutage({ message: 'syntax error', driverError: { code: '42601' } })).toBe(false);
    expect(isOutage(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }))).toBe(false);
    expect(isOutage(undefined)).toBe(false);
  });

  it('judges a failed job by its stored reason', () => {
    expect(isOutageMessage('connect ECONNREFUSED 127.0.0.1:6543')).toBe(true);
    expect(isOutageMessage('job stalled more than allowable limit')).toBe(true);
    expect(isOutageMessage('Unknown matching job x')).toBe(false);
    expect(isOutageMessage(undefined)).toBe(false);
  });
});
