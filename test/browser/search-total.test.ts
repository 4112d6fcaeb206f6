import { randomUUID } from 'node:crypto';
import { formatMessage } from '@app/i18n';
import en from '../../apps/web/src/i18n/en.json';
import { circulatedRequest } from '../factories';
import { useBrowserSuite } from './support/browser';

// Issue 16: a search that matches more than 1,000 requests counts only so far; the list's footer says "more than"
// and still lets the person page past the bound; a tab badge counting such a list says "1000+".
const suite = useBrowserSuite();
const word = `plentiful${randomUUID().slice(0, 6)}`;

beforeAll(async () => {
  const original = await circulatedRequest(suite.baseUrl, { title: `Border monitoring ${word}` });
  const columns: { column_name: string }[] = await suite.dataSource.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_name = 'assistance_requests' AND is_generated = 'NEVER' AND column_name NOT IN ('id', 'reference')
      ORDER BY ordinal_position`,
  );
  const names = columns.map((c) => c.column_name).join(', ');
  await suite.dataSource.query(
    `INSERT INTO assistance_requests (reference, ${names})
     SELECT 'ZZW-' || lpad(i::text, 6, '0'), ${names} FROM assistance_requests, generate_series(1, 1100) i WHERE id = $1`,
    [original.id],
  );
});

it('says "more than 1,000" for a search past the bound, and pages on beyond it', async () => {
  const page = await suite.pageAs('expert');
  await page.goto(`/committee/requests?q=${word}&pageSize=20`);
  await page.getByText(formatMessage(en.list.rangeMoreThan, 'en', { first: 1, last: 20, total: 1000 })).waitFor();
  // 1,000 rows fill 50 pages and there are more: the picker offers a 51st.
  const pages = page.getByRole('navigation', { name: en.list.pagination });
  await pages.getByRole('button', { name: '51', exact: true }).click();
  // From page 51 the count reaches 1,000 rows further, past the 1,101 hits: the total is exact again.
  await page.getByText(formatMessage(en.list.range, 'en', { first: 1001, last: 1020, total: 1101 })).waitFor();
  await page.context().close();
});

it('shows a count the server stopped at as "1000+" on a tab badge', async () => {
  // The copies are the agency's too: its "circulated" tab holds more than 1,000 requests.
  const page = await suite.pageAs('coordinator');
  await page.goto('/agency/requests');
  const tab = page.getByRole('tab', { name: new RegExp(`^${en.myRequests.groups.circulated}`) });
  await tab.getByText(formatMessage(en.list.countAtLeast, 'en', { count: 1000 }), { exact: true }).waitFor();
  await page.context().close();
});
