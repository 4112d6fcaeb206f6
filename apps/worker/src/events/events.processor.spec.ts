import { UnrecoverableError } from 'bullmq';
import type { OutboxEventEntity } from '@app/database';
import { handledEvent } from './events.processor';

const row = (type: string, payload: Record<string, unknown>): OutboxEventEntity => ({
  id: 'e1',
  type,
  subjectType: 'match',
  subjectId: 'm1',
  actorId: null,
  payload,
  createdAt: new Date(),
  enqueuedAt: null,
  processedAt: null,
  deliveries: 0,
});

describe('handledEvent', () => {
  it('gives handlers the payload as the catalogue reads it', () => {
    const event = handledEvent(row('match.created', { origin: 'committee', requestId: 'r1', offerId: 'o1' }));
    expect(event).toMatchObject({ type: 'match.created', payload: { origin: 'committee', requestId: 'r1', offerId: 'o1' } });
  });

  it('fails for good, and says why, on an unknown event or a malformed payload', () => {
    expect(() => handledEvent(row('match.teleported', {}))).toThrow(UnrecoverableError);
    expect(() => handledEvent(row('match.teleported', {}))).toThrow('Event e1: "match.teleported" is not in the event catalogue');
    expect(() => handledEvent(row('match.created', { origin: 'committee', offerId: 'o1' }))).toThrow(UnrecoverableError);
    expect(() => handledEvent(row('match.created', { origin: 'committee', offerId: 'o1' }))).toThrow(/Event e1: Event match\.created: malformed payload:.*\n.*requestId/);
  });
});
