import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenOptions, builtSite, openPage } from '../helpers/browser';

/** The cost calculator and the decision guide, as readers use them. */
const dist = join(process.cwd(), 'dist');
const site = builtSite();
let context: BrowserContext;
const errors: string[] = [];

async function open(path: string, options: OpenOptions = {}): Promise<Page> {
  let page: Page;
  ({ context, page } = await openPage(site.browser, site.server.url + path, errors, options));
  return page;
}

const text = (page: Page, name: string) => page.locator(`[data-out="${name}"]`).first().textContent();

afterEach(async () => {
  await context?.close();
});

describe('cost calculator', () => {
  it('shows the default scenario without JavaScript, chart included', async () => {
    const page = await open('/tools/cost/', { javaScriptEnabled: false });
    expect(await text(page, 'lambdaTotal')).toBe('$1.87');
    expect(await text(page, 'fargateTotal')).toBe('$18.02');
    expect(await text(page, 'breakEven')).toContain('9.65M requests a month (3.67 per second');
    expect(await page.locator('[data-out="chart"] svg circle.break-even').count()).toBe(1);
  });

  it('updates results, chart, address and announcement as the reader types', async () => {
    const page = await open('/tools/cost/');
    const chartBefore = await page.locator('[data-out="chart"]').innerHTML();
    await page.locator('[data-field="requests"]').fill('131400000');
    await page.locator('[data-field="duration"]').fill('100');
    await page.locator('[data-field="vcpu"]').selectOption('1');
    await page.locator('[data-field="gb"]').selectOption('2');
    await expect.poll(() => text(page, 'lambdaTotal')).toBe('$135.78');
    expect(await text(page, 'fargateTotal')).toBe('$72.08');
    expect(await text(page, 'verdict')).toContain('Fargate costs less');
    expect(await page.locator('[data-out="chart"]').innerHTML()).not.toBe(chartBefore);
    expect(new URL(page.url()).searchParams.get('requests')).toBe('131400000');
    await expect
      .poll(() => text(page, 'announce'), { timeout: 3000 })
      .toBe('Lambda $135.78 a month, Fargate $72.08 a month. Fargate costs less here: about 1.9× cheaper.');
  });

  it('opens a shared scenario from its URL', async () => {
    const page = await open('/zh/tools/cost/?requests=131400000&duration=100&memory=512&vcpu=1&gb=2&tasks=2&free=1');
    await expect.poll(() => text(page, 'lambdaTotal')).toBe('US$128.91');
    expect(await text(page, 'fargateTotal')).toBe('US$72.08');
    expect(await page.locator('[data-field="free"]').isChecked()).toBe(true);
  });

  it('offers only valid memory sizes for the chosen vCPU', async () => {
    const page = await open('/tools/cost/');
    await page.locator('[data-field="vcpu"]').selectOption('8');
    const options = await page.locator('[data-field="gb"] option').allTextContents();
    expect(options).toEqual(['16', '20', '24', '28', '32', '36', '40', '44', '48', '52', '56', '60']);
  });

  it('names the field when an input is out of range', async () => {
    const page = await open('/tools/cost/');
    await page.locator('[data-field="memory"]').fill('64');
    await expect.poll(() => text(page, 'error')).toBe('Memory must be a whole number of MB from 128 to 10240.');
    expect(await page.locator('[data-field="memory"]').getAttribute('aria-invalid')).toBe('true');
    await page.locator('[data-field="memory"]').fill('512');
    await expect.poll(() => page.locator('[data-out="error"]').isHidden()).toBe(true);
  });

  it('labels every input', async () => {
    const page = await open('/tools/cost/');
    const unlabelled = await page
      .locator('cost-calculator input, cost-calculator select')
      .evaluateAll((fields) =>
        fields.filter((f) => !(f as HTMLInputElement).labels?.length).map((f) => f.getAttribute('data-field')),
      );
    expect(unlabelled).toEqual([]);
  });
});

describe('decision guide', () => {
  it('can be answered with the keyboard alone and announces the recommendation', async () => {
    const page = await open('/tools/decide/');
    await page.locator('input[name="runtime"]').first().focus();
    // First question: arrow to "Longer than 15 minutes".
    await page.keyboard.press('ArrowDown');
    // Tab to the traffic question (two groups on) and pick "spiky" with Space.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('traffic');
    await expect.poll(() => text(page, 'verdict')).toBe('Both: Lambda for events, Fargate for the long-running part');
    expect(await text(page, 'announce')).toBe(
      'Recommendation: Both: Lambda for events, Fargate for the long-running part',
    );
    expect(await page.locator('[data-out="reasons"] li').count()).toBe(3);
    const links = await page
      .locator('[data-out="articles"] a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toContain('/posts/combining-lambda-and-fargate/');
  });

  it('links articles in Chinese where translated and in English otherwise', async () => {
    const page = await open('/zh/tools/decide/');
    await page.locator('input[name="runtime"][value="short"]').check();
    await page.locator('input[name="traffic"][value="steady-high"]').check();
    await page.locator('input[name="team"][value="expert"]').check();
    await expect.poll(() => text(page, 'verdict')).toBe('AWS Fargate');
    const links = await page
      .locator('[data-out="articles"] a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('lang')]));
    expect(links).toContainEqual(['/zh/posts/fargate-vs-lambda/', 'zh-CN']);
  });

  it('starts again from nothing', async () => {
    const page = await open('/tools/decide/');
    await page.locator('input[name="gpu"][value="yes"]').check();
    await expect.poll(() => text(page, 'verdict')).toBe('Neither: use Amazon ECS or EKS on EC2');
    await page.locator('decision-guide button.reset').click();
    await expect.poll(() => page.locator('[data-out="verdict"]').isHidden()).toBe(true);
    expect(await text(page, 'progress')).toBe('0 of 7 questions answered.');
  });
});

describe('JavaScript budget', () => {
  async function scriptBytes(path: string, act?: (page: Page) => Promise<void>): Promise<number> {
    const page = await open(path);
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
    });
    await page.reload();
    await page.waitForLoadState('networkidle');
    if (act) await act(page);
    await page.waitForLoadState('networkidle');
    const inline = await page
      .locator('script:not([src])')
      .evaluateAll((s) => s.map((el) => el.textContent ?? '').join(''));
    let bytes = gzipSync(inline).length;
    for (const file of scripts) bytes += gzipSync(readFileSync(join(dist, file))).length;
    return bytes;
  }

  it('keeps a tool page under 15 KB of gzipped JavaScript, in use', async () => {
    const cost = await scriptBytes('/tools/cost/', (p) => p.locator('[data-field="requests"]').fill('5000000'));
    expect(cost).toBeLessThan(15 * 1024);
    const decide = await scriptBytes('/zh/tools/decide/', (p) => p.locator('input[name="gpu"][value="no"]').check());
    expect(decide).toBeLessThan(15 * 1024);
  });

  it('keeps an article under 5 KB of gzipped JavaScript before search opens', async () => {
    expect(await scriptBytes('/posts/choosing-between-lambda-and-fargate/')).toBeLessThan(5 * 1024);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
