import type { Page } from 'playwright-core';
import { openSection, useBrowserSuite } from './support/browser';

// The app's own router (apps/web/src/router): what the other files do not already walk through.
const suite = useBrowserSuite();

const pathname = (page: Page) => new URL(page.url()).pathname;

test('the browser’s back button on a form with unsaved edits asks first; staying keeps the form and its address', async () => {
  const provider = await suite.pageAs('bafa');
  await openSection(provider, 'My offers');
  await provider.getByRole('link', { name: 'New offer' }).first().click();
  await provider.getByRole('heading', { name: 'New offer', level: 1 }).waitFor();
  await provider.getByRole('textbox', { name: /^Title/ }).fill('Half-written offer');

  await provider.evaluate(() => (globalThis as any).history.back());
  const prompt = provider.getByRole('dialog', { name: 'Leave without saving?' });
  await prompt.getByRole('button', { name: 'Stay on the form' }).click();
  await prompt.waitFor({ state: 'detached' });
  await provider.waitForURL((url) => url.pathname === '/provider/offers/new');
  expect(await provider.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('Half-written offer');

  // Asked again, the person leaves: back is where they came from, and forward returns to an empty form.
  await provider.evaluate(() => (globalThis as any).history.back());
  await prompt.getByRole('button', { name: 'Leave without saving' }).click();
  await provider.getByRole('heading', { name: 'My offers', level: 1 }).waitFor();
  expect(pathname(provider)).toBe('/provider/offers');
  await provider.evaluate(() => (globalThis as any).history.forward());
  await provider.getByRole('heading', { name: 'New offer', level: 1 }).waitFor();
  expect(await provider.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('');
  await provider.context().close();
});

test('a new page starts at the top, and back returns to where the person was on the list', async () => {
  const expert = await suite.pageAs('expert');
  // A short window, so the list is longer than it.
  await expert.setViewportSize({ width: 1280, height: 360 });
  await openSection(expert, 'Requests');
  const links = expert.getByRole('table').getByRole('link');
  await links.first().waitFor();
  await expert.evaluate(() =>
    (globalThis as any).scrollTo(0, (globalThis as any).document.documentElement.scrollHeight),
  );
  const listPosition = await expert.evaluate(() => (globalThis as any).scrollY as number);
  expect(listPosition).toBeGreaterThan(0);

  const last = links.last();
  const title = (await last.textContent()) ?? '';
  await last.click();
  await expert.waitForURL((url) => /^\/committee\/requests\/[0-9a-f-]{36}$/.test(url.pathname));
  await expert.getByRole('heading', { level: 1, name: title }).waitFor();
  expect(await expert.evaluate(() => (globalThis as any).scrollY as number)).toBe(0);

  await expert.goBack();
  await expert.getByRole('heading', { name: 'Requests', level: 1 }).waitFor();
  await expert.waitForFunction((y) => (globalThis as any).scrollY === y, listPosition);
  await expert.context().close();
});

test('an address no page has shows the not-found page inside the app, with a way home', async () => {
  const agency = await suite.pageAs('coordinator');
  await agency.goto('/agency/no-such-page');
  await agency.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
  await agency.getByRole('link', { name: 'Go to the home page' }).click();
  // `/` sends a signed-in person to their role's home.
  await agency.waitForURL((url) => url.pathname === '/agency');
  await agency.getByRole('heading', { level: 1 }).waitFor();
  await agency.context().close();
});
