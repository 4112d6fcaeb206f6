import { createHash } from 'node:crypto';
import { copyDatabase, TEMPLATE_SUFFIX } from './databases';

// End-to-end and browser test files each get a database and a queue prefix of their own. Their API and worker
// processes act on the whole database (the outbox relay claims every pending event, sweeps and rescores scan
// every row), so sharing one with other files running in parallel would let one file's processes take, lose or
// change another file's work. The database is a copy of the run's seeded template (test/support/databases.ts).
const file = expect.getState().testPath ?? 'unknown';
const suffix = createHash('sha1').update(file).digest('hex').slice(0, 8);
const runUrl = new URL(process.env.DATABASE_URL!);
const templateUrl = new URL(runUrl);
templateUrl.pathname = `${runUrl.pathname}${TEMPLATE_SUFFIX}`;
const ownUrl = new URL(runUrl);
ownUrl.pathname = `${runUrl.pathname}_${suffix}`;

process.env.DATABASE_URL = ownUrl.toString();
process.env.QUEUE_PREFIX = `${process.env.QUEUE_PREFIX}_${suffix}`;

// Global teardown drops it with the run's other databases.
beforeAll(() => copyDatabase(templateUrl.toString(), ownUrl.toString()), 60_000);
