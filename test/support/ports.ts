import { AddressInfo, createServer } from 'node:net';

/** A loopback port free right now (bound, then released): for a server a test starts, or one nothing will. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
