import { displayOrder } from './vocabulary';

describe('displayOrder', () => {
  const order = displayOrder<'draft' | 'sent' | 'read'>();

  it('keeps an order that names every word once, as given', () => {
    expect(order(['sent', 'draft', 'read'])).toEqual(['sent', 'draft', 'read']);
  });

  it('is refused by the compiler when it misses or invents a word (tsc checks this file)', () => {
    // @ts-expect-error 'read' is missing
    expect(order(['sent', 'draft'])).toHaveLength(2);
    // @ts-expect-error 'archived' is no word of the list
    expect(order(['sent', 'draft', 'read', 'archived'])).toHaveLength(4);
  });
});
