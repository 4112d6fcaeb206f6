import { EVENT_TYPES, isEventType, MATCH_EVENT, OFFER_EVENT, parseEventPayload, REQUEST_EVENT } from './events';

describe('event catalogue', () => {
  it('names an event for every workflow action, each in the catalogue', () => {
    for (const type of [...Object.values(REQUEST_EVENT), ...Object.values(OFFER_EVENT), ...Object.values(MATCH_EVENT)]) {
      expect({ type, known: isEventType(type) }).toEqual({ type, known: true });
    }
    expect(new Set(EVENT_TYPES).size).toBe(EVENT_TYPES.length);
    expect(isEventType('request.teleported')).toBe(false);
  });

  it('reads a stored payload with its schema', () => {
    const payload = { from: 'endorsed', to: 'accepted', requestId: 'r1', offerId: 'o1', providerId: 'p1', state: 'MNG' };
    expect(parseEventPayload('match.accepted', payload)).toEqual(payload);
    expect(parseEventPayload('request.created', {})).toEqual({});
  });

  it('refuses a malformed payload, naming the event and the field', () => {
    expect(() => parseEventPayload('match.created', { origin: 'committee', offerId: 'o1' })).toThrow(/match\.created.*\n.*requestId/);
    expect(() => parseEventPayload('offer.expired', { from: 'active', to: 'gone' })).toThrow(/offer\.expired/);
    expect(() => parseEventPayload('match.retired', { from: 'suggested', to: 'retired', requestId: 'r', offerId: 'o' })).toThrow(/reason/);
  });
});
