import { createHash } from 'node:crypto';

// Each end-to-end test file gets its own queue prefix, so its worker processes only the events of its own API,
// not the backlog other files leave in the run's queues.
const file = expect.getState().testPath ?? 'unknown';
process.env.QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}_${createHash('sha1').update(file).digest('hex').slice(0, 8)}`;
