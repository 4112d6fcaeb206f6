import { ApiClient } from '../support/http';
import { openSection, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// DESIGN §6.3: the weights are a versioned profile the Committee edits; a new version starts a full rescore,
// whose progress the page follows. No worker runs in browser tests, so the rescore waits in the queue.
test('an administrator saves new weights and sees the rescore they started; members only read them', async () => {
  const adminApi = await ApiClient.as(suite.baseUrl, 'admin');
  const before = (await adminApi.get('/api/v1/matching/profile')).body;
  const nextVersion = before.version + 1;
  const languageWeight = Math.round((before.weights.languageFit + 0.05) * 100) / 100;

  const admin = await suite.pageAs('admin');
  await openSection(admin, 'Matching weights');
  const criteria = admin.getByRole('region', { name: 'Criteria' });
  const language = criteria.getByRole('textbox', { name: 'Weight of Language fit' });
  await language.fill(String(languageWeight));
  await language.blur();
  await criteria.getByRole('slider', { name: 'Weight of Language fit' }).waitFor();
  const topK = admin.getByRole('textbox', { name: 'Suggestions per request (top-k)' });
  await topK.fill('12');
  await topK.blur();
  await admin.getByRole('textbox', { name: 'Why this change (kept with the version)' }).fill('Language matters more');
  await admin.getByRole('button', { name: `Save as version ${nextVersion}` }).click();

  // The new version is in force, with its comment, and its rescore is followed on the page.
  await admin.getByText(`Weights version ${nextVersion} saved: a full rescore has started`).waitFor();
  await admin.getByText(new RegExp(`^Version ${nextVersion}, in force since`)).waitFor();
  await admin.getByText('“Language matters more”').waitFor();
  const current = admin.getByRole('region', { name: 'Current rescore' });
  await current.getByText(`New weights · v${nextVersion}`, { exact: false }).waitFor();
  const bar = current.getByRole('progressbar', { name: 'Rescore progress' });
  await bar.waitFor({ state: 'attached' });
  // Nothing scores here, so the run waits for a worker; the page says so rather than pretending progress.
  const status = (await current.locator('.mantine-Badge-root').first().textContent())!;
  expect(['Queued', 'Running', 'Completed']).toContain(status);
  if (status === 'Queued') {
    expect(await bar.getAttribute('aria-valuenow')).toBe('0');
    await current.getByText('Waiting for a worker to plan the chunks').waitFor();
    await current.getByText(/^Queued: a matching worker picks it up/).waitFor();
  }
  const runs = admin.getByRole('table', { name: 'Latest rescores' });
  await runs
    .getByRole('row')
    .filter({ hasText: 'New weights' })
    .filter({ hasText: `v${nextVersion}` })
    .waitFor();

  const saved = (await adminApi.get('/api/v1/matching/profile')).body;
  expect(saved).toMatchObject({ version: nextVersion, topK: 12, comment: 'Language matters more' });
  expect(saved.weights.languageFit).toBeCloseTo(languageWeight, 5);
  const run = (await adminApi.get('/api/v1/matching/rescores')).body.find(
    (r: any) => r.trigger === 'weights_changed' && r.weightsVersion === nextVersion,
  );
  expect(run).toBeDefined();

  // A rescore by hand replaces the one followed.
  await admin.getByRole('button', { name: 'Rescore now' }).click();
  await admin.getByText('Full rescore started').waitFor();
  await current.getByText('Started by hand', { exact: false }).waitFor();
  expect(await runs.getByRole('row').filter({ hasText: 'Started by hand' }).count()).toBeGreaterThanOrEqual(1);
  await admin.context().close();

  // A member reads the same version but cannot change it.
  const expert = await suite.pageAs('expert');
  await openSection(expert, 'Matching weights');
  await expert.getByText('Only a Committee administrator can change the weights.', { exact: false }).waitFor();
  expect(await expert.getByLabel('Weight of Language fit').textContent()).toBe(String(languageWeight));
  expect(await expert.getByRole('button', { name: /^Save as version/ }).count()).toBe(0);
  expect(await expert.getByRole('textbox', { name: 'Weight of Language fit' }).count()).toBe(0);
  await expert.context().close();
});
