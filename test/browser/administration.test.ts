import { newPage, openSection, signIn, takeAction, useBrowserSuite } from './support/browser';

const suite = useBrowserSuite();

// Issue 2's administration in the browser: an administrator adds a State agency and its coordinator, who can then
// sign in to the agency workspace, until the administrator deactivates the account.
test('an administrator adds an agency and its coordinator, who signs in until deactivated', async () => {
  const tag = Date.now().toString(36);
  const agency = `Kazakhstan Committee for Atomic Energy ${tag}`;
  const email = `coordinator.${tag}@kaz.example`;
  const password = 'first-password-1540';

  const admin = await suite.pageAs('admin');
  await openSection(admin, 'Organisations');
  await admin.getByRole('button', { name: 'New organisation' }).click();
  let dialog = admin.getByRole('dialog', { name: 'New organisation' });
  // Nothing filled in: the server names the fields.
  await dialog.getByRole('button', { name: 'Create organisation' }).click();
  await dialog.getByText(/at least 2 characters|too small|must/i).first().waitFor();
  await dialog.getByLabel('Name', { exact: false }).first().fill(agency);
  await dialog.getByLabel('Short name', { exact: false }).fill('KAEC');
  const state = dialog.getByRole('combobox', { name: 'State' });
  await state.click();
  await state.fill('Kazakhstan');
  await admin.getByRole('option', { name: /^Kazakhstan/ }).click();
  await dialog.getByRole('button', { name: 'Create organisation' }).click();
  await dialog.waitFor({ state: 'detached' });
  const row = admin.getByRole('row').filter({ hasText: agency });
  await row.getByText('State agency', { exact: true }).waitFor();
  await row.getByText('Active', { exact: true }).waitFor();

  // Its people: none yet; add the coordinator.
  await row.getByRole('link', { name: 'People in it' }).click();
  await admin.getByRole('heading', { name: 'Users', level: 1 }).waitFor();
  await admin.getByText('Nothing matches these filters').waitFor();
  await admin.getByRole('button', { name: 'New user' }).click();
  dialog = admin.getByRole('dialog', { name: 'New user' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Aigerim Sarsenova');
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill(email);
  const role = dialog.getByRole('combobox', { name: 'Role' });
  await role.click();
  await admin.getByRole('option', { name: 'Agency coordinator' }).click();
  await dialog.getByLabel('First password').fill(password);
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await dialog.waitFor({ state: 'detached' });
  const userRow = admin.getByRole('row').filter({ hasText: email });
  await userRow.getByText('Agency coordinator', { exact: true }).waitFor();
  await userRow.getByText('Never', { exact: true }).waitFor();

  // The new coordinator signs in to the agency workspace.
  const coordinator = await newPage(suite.browser, suite.baseUrl);
  await signIn(coordinator, suite.baseUrl, email, password);
  expect(new URL(coordinator.url()).pathname).toBe('/agency');
  await coordinator.context().close();

  // Deactivated, the account can no longer sign in; the list says so.
  await takeAction(userRow, admin, 'Deactivate', 'Deactivate');
  await userRow.getByText('Deactivated', { exact: true }).waitFor();
  const again = await newPage(suite.browser, suite.baseUrl);
  await again.goto('/sign-in');
  await again.getByLabel('E-mail', { exact: true }).fill(email);
  await again.getByLabel('Password', { exact: true }).fill(password);
  await again.getByRole('button', { name: 'Sign in', exact: true }).click();
  await again.getByRole('alert').waitFor();
  expect(new URL(again.url()).pathname).toBe('/sign-in');
  await again.context().close();

  // A new password from the administrator reactivates the account (as for an imported one).
  await userRow.getByRole('button', { name: 'Set password' }).click();
  const passwordDialog = admin.getByRole('dialog', { name: 'A new password for Aigerim Sarsenova' });
  await passwordDialog.getByLabel('New password').fill('short');
  await passwordDialog.getByRole('button', { name: 'Set password' }).click();
  await passwordDialog.getByText(/at least 10 characters/).first().waitFor();
  await passwordDialog.getByLabel('New password').fill('second-password-1540');
  await passwordDialog.getByRole('button', { name: 'Set password' }).click();
  await passwordDialog.waitFor({ state: 'detached' });
  await userRow.getByText('Active', { exact: true }).waitFor();
  const back = await newPage(suite.browser, suite.baseUrl);
  await signIn(back, suite.baseUrl, email, 'second-password-1540');
  expect(new URL(back.url()).pathname).toBe('/agency');
  await back.context().close();
  await admin.context().close();
});
