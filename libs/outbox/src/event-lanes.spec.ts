import { EVENT_TYPES } from '@app/contracts';
import { QUEUES } from '@app/queue';
import { eventQueueOf, MATCHING_EVENT_TYPES, OFFER_TRIGGERS, REQUEST_TRIGGERS } from './event-lanes';

describe('event lanes', () => {
  it('sends every event that sets matching to work on the matching lane', () => {
    for (const type of [...REQUEST_TRIGGERS, ...OFFER_TRIGGERS, 'match.created', 'matching.rescore_requested']) {
      expect(eventQueueOf(type)).toBe(QUEUES.matchingEvents);
    }
  });

  it('keeps notification-only events (reminders, endorsements …) on the events lane', () => {
    for (const type of ['reminder.offer_expiring', 'reminder.match_unanswered', 'match.endorsed', 'offer.submitted']) {
      expect(eventQueueOf(type)).toBe(QUEUES.events);
    }
  });

  it('names only catalogued events', () => {
    for (const type of MATCHING_EVENT_TYPES) expect(EVENT_TYPES).toContain(type);
  });
});
