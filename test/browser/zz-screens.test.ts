import { mkdirSync } from 'node:fs';
import { startBrowserSuite, type BrowserSuite } from './support/browser';
import { suggestOffersFor } from './support/matching';

jest.setTimeout(180_000);
let suite: BrowserSuite;
beforeAll(async () => {
  suite = await startBrowserSuite();
});
afterAll(async () => {
  await suite?.close();
});

const dir = '/tmp/shots';

test('screens', async () => {
  mkdirSync(dir, { recursive: true });
  const ds = suite.dataSource;
  const open: { id: string; reference: string }[] = await ds.query(
    `SELECT id, reference FROM assistance_requests WHERE status IN ('circulated','matched') ORDER BY reference`,
  );
  for (const r of open) await suggestOffersFor(ds, r.id);
  console.log(open.map((r) => r.reference).join(' '));
  const shots = (process.env.SHOTS ?? '').split(',').filter(Boolean);
  const want = (name: string) => shots.length === 0 || shots.includes(name);

  const expert = await suite.pageAs(process.env.SHOT_AS === 'admin' ? 'admin' : 'expert');
  await expert.setViewportSize({ width: 1400, height: 900 });
  const snap = async (page: typeof expert, name: string, path: string, wait?: string) => {
    if (!want(name)) return;
    await page.goto(path);
    if (wait) await page.getByText(wait).first().waitFor({ timeout: 10_000 }).catch(() => undefined);
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${dir}/${name}.png`, fullPage: true });
  };
  const first = open.find((r) => r.reference.startsWith('MNG')) ?? open[0];
  await snap(expert, 'request', `/committee/requests/${first.id}`, 'Suggestions');
  await snap(expert, 'matches', '/committee/matches');
  await snap(expert, 'plan', '/committee/allocation-plan');
  if (want('plan2')) {
    await expert.goto('/committee/allocation-plan');
    await expert.getByRole('button', { name: 'Compute the plan' }).first().click();
    await expert.waitForTimeout(1500);
    await expert.screenshot({ path: `${dir}/plan2.png`, fullPage: true });
  }
  await snap(expert, 'weights', '/committee/matching-weights');
  await snap(expert, 'reports', '/committee/reports', 'Match rate');
  await snap(expert, 'mailbox', '/committee/mailbox');
  await snap(expert, 'deliveries', '/committee/deliveries');
  await snap(expert, 'inbox', '/notifications');
  const offer: { id: string }[] = await ds.query(`SELECT offer_id AS id FROM matches GROUP BY offer_id ORDER BY count(*) DESC LIMIT 1`);
  if (offer[0]) await snap(expert, 'offer', `/committee/offers/${offer[0].id}`);

  const coordinator = await suite.pageAs('coordinator');
  await coordinator.setViewportSize({ width: 1400, height: 900 });
  await snap(coordinator, 'agency-home', '/agency');
  await snap(coordinator, 'agency-matches', '/agency/matches');
  await snap(coordinator, 'agency-figures', '/agency/figures');
  await snap(coordinator, 'prefs', '/notifications/preferences');
  const provider = await suite.pageAs('bafa');
  await provider.setViewportSize({ width: 1400, height: 900 });
  await snap(provider, 'provider-matches', '/provider/matches');
  await snap(provider, 'provider-figures', '/provider/figures');
  await snap(provider, 'provider-request', `/provider/requests/${first.id}`);
});
