import { readFileSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';

/**
 * Below the kernel's range for the local ports of outgoing connections (Linux: ip_local_port_range, 32768–60999 by
 * default), or null where it cannot be read. A port picked by listen(0) comes from that range, so between the probe and
 * the app's own listen, any outgoing connection (to PostgreSQL, Redis, another test's server) may take it: an app then
 * fails with EADDRINUSE. Ports below it are taken only by listeners.
 */
function belowEphemeralRange(): [number, number] | null {
  try {
    const [low] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    return low > 12_000 ? [10_000, low - 1] : null;
  } catch {
    return null;
  }
}

const quiet = belowEphemeralRange();

function listenOn(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(null));
    srv.listen(port, '127.0.0.1', () => {
      const { port: bound } = srv.address() as AddressInfo;
      srv.close(() => resolve(bound));
    });
  });
}

/** A loopback port free right now (bound, then released): for a server a test starts, or one nothing will. */
export async function freePort(): Promise<number> {
  if (quiet) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = await listenOn(quiet[0] + Math.floor(Math.random() * (quiet[1] - quiet[0] + 1)));
      if (port !== null) return port;
    }
  }
  const port = await listenOn(0);
  if (port === null) throw new Error('no free loopback port');
  return port;
}

/** `n` free ports, all different: a port freed by one probe may be handed out again to the next. */
export async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}
