import { startBrowserSuite } from './support/browser';
jest.setTimeout(60_000);
test('debug', async () => {
  const suite = await startBrowserSuite();
  try {
    const page = await suite.pageAs('expert');
    await page.goto('/committee/review-queue');
    await page.getByRole('table').first().waitFor();
    const chain = await page.getByRole('table').first().evaluate((el) => {
      const out: string[] = [];
      let e: HTMLElement | null = el as HTMLElement;
      while (e) { const r = e.getBoundingClientRect(); out.push(`${e.tagName}.${(e.className || '').toString().slice(0, 80)} w=${Math.round(r.width)} sw=${e.scrollWidth} disp=${getComputedStyle(e).display} minw=${getComputedStyle(e).minWidth}`); e = e.parentElement; }
      return out;
    });
    console.log(chain.join('\n'));
  } finally {
    await suite.close();
  }
});
