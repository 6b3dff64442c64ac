/**
 * Measurement for the release note: `npx tsx tests/e2e/support/cold-load.ts` starts a fresh server, sets it up,
 * then loads the sign-in page in new browser contexts (empty cache) and prints the bytes transferred (as sent,
 * compressed), the load event, and when the sign-in form could be used. Runs RUNS times; prints the median.
 */
import { launchBrowser, newContext } from './browser';
import { NL, setupViaUi } from './flows';
import { startServer } from './server';

const RUNS = Number(process.env.RUNS ?? 5);

interface Sample {
  bytes: number;
  requests: number;
  domContentLoaded: number;
  load: number;
  interactive: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function main() {
  const server = await startServer();
  const browser = await launchBrowser();
  try {
    const setup = await newContext(browser, server.baseUrl);
    await setupViaUi(await setup.newPage());
    await setup.close();
    const samples: Sample[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await newContext(browser, server.baseUrl, { viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      let bytes = 0;
      let requests = 0;
      cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
        bytes += event.encodedDataLength;
        requests += 1;
      });
      await page.goto('/login');
      // Usable: the form's button is on screen and the fonts are in.
      await page.getByRole('button', { name: NL.auth.submit, exact: true }).waitFor();
      const timing = await page.evaluate(async () => {
        await document.fonts.ready;
        const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
        return {
          interactive: performance.now(),
          domContentLoaded: nav?.domContentLoadedEventEnd ?? 0,
          load: nav?.loadEventEnd ?? 0,
        };
      });
      await page.waitForLoadState('networkidle');
      samples.push({ bytes, requests, ...timing });
      await context.close();
    }
    const row = (name: keyof Sample) => median(samples.map((sample) => sample[name]));
    console.warn(
      `sign-in, cold (median of ${RUNS}): ${(row('bytes') / 1024).toFixed(1)} KiB transferred in ` +
        `${row('requests')} requests; DOMContentLoaded ${row('domContentLoaded').toFixed(0)} ms, load ` +
        `${row('load').toFixed(0)} ms, form usable ${row('interactive').toFixed(0)} ms`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
