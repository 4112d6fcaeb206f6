import { fetchReceipt, ReceiptLog, ReceiptsServer } from './mail-receipts';

describe('mail receipts', () => {
  it('answers whether a Message-ID was received, and when', async () => {
    const log = new ReceiptLog();
    const server = new ReceiptsServer(log.lookup);
    await server.start(0);
    const url = `http://127.0.0.1:${server.port}`;
    try {
      expect(log.add('<a@assistance-1540>', '2026-12-02T10:00:00.000Z')).toBe(true);
      expect(log.add('<a@assistance-1540>')).toBe(false);
      expect(await fetchReceipt(url, '<a@assistance-1540>')).toEqual({ messageId: '<a@assistance-1540>', receivedAt: '2026-12-02T10:00:00.000Z' });
      expect(await fetchReceipt(url, '<b@assistance-1540>')).toBeNull();
    } finally {
      await server.stop();
    }
    // A source that does not answer is not "not received".
    await expect(fetchReceipt(url, '<a@assistance-1540>')).rejects.toThrow();
  });

  it('forgets the oldest beyond its limit', () => {
    const log = new ReceiptLog(2);
    log.add('<1@x>');
    log.add('<2@x>');
    log.add('<3@x>');
    expect([log.lookup('<1@x>'), typeof log.lookup('<2@x>'), typeof log.lookup('<3@x>')]).toEqual([undefined, 'string', 'string']);
  });
});
