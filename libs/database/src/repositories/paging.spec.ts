import { totalOf } from './paging';

describe('totalOf', () => {
  const never = () => Promise.reject(new Error('counted although the page tells the total'));
  const counts = (n: number) => jest.fn(() => Promise.resolve(n));

  it('takes a short page as the end of the list', async () => {
    await expect(totalOf(7, { page: 1, pageSize: 25 }, never)).resolves.toBe(7);
    await expect(totalOf(3, { page: 4, pageSize: 25 }, never)).resolves.toBe(78);
  });

  it('takes an empty first page as an empty list', async () => {
    await expect(totalOf(0, { page: 1, pageSize: 25 }, never)).resolves.toBe(0);
  });

  it('counts when the page is full: more rows may follow', async () => {
    const count = counts(60);
    await expect(totalOf(25, { page: 2, pageSize: 25 }, count)).resolves.toBe(60);
    expect(count).toHaveBeenCalledTimes(1);
  });

  it('counts when a page past the first is empty: the list may end before it', async () => {
    await expect(totalOf(0, { page: 9, pageSize: 25 }, counts(60))).resolves.toBe(60);
  });
});
