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
  it('shows the default scenario, the whole bill of three options, without JavaScript', async () => {
    const page = await open('/tools/cost/', { javaScriptEnabled: false });
    // Workload A: Lambda behind an HTTP API, two small tasks behind an ALB, three m7g.large.
    expect(await text(page, 'total-lambda')).toBe('$2.87');
    expect(await text(page, 'total-fargate')).toBe('$34.53');
    expect(await text(page, 'total-managed')).toBe('$206.71');
    expect(await text(page, 'verdict')).toBe('Lambda is 12× cheaper than Fargate here.');
    expect(await page.locator('[data-out="lines-fargate"] tr').count()).toBe(3);
    expect(await page.locator('[data-out="lines-fargate"] a[href^="https://"]').count()).toBe(3);
    expect(await page.locator('[data-out="chart"] svg path.series').count()).toBe(3);
  });

  it('updates results, chart, address and announcement as the reader types', async () => {
    const page = await open('/tools/cost/');
    const chartBefore = await page.locator('[data-out="chart"]').innerHTML();
    await page.locator('[data-field="requests"]').fill('131400000');
    await page.locator('[data-field="duration"]').fill('100');
    await page.locator('[data-field="vcpu"]').selectOption('1');
    await page.locator('[data-field="gb"]').selectOption('2');
    await expect.poll(() => text(page, 'total-lambda')).toBe('$267.18');
    expect(await text(page, 'total-fargate')).toBe('$100.19');
    expect(await text(page, 'verdict')).toBe('Fargate is 2.7× cheaper than Lambda here.');
    expect(await text(page, 'crossings')).toContain('Lambda and Fargate cost the same at 45.5M requests a month');
    expect(await page.locator('[data-out="chart"] svg circle.break-even').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-out="chart"]').innerHTML()).not.toBe(chartBefore);
    expect(new URL(page.url()).searchParams.get('requests')).toBe('131400000');
    await expect
      .poll(() => text(page, 'announce'), { timeout: 3000 })
      .toBe('Lambda $267.18, Fargate $100.19, Managed Instances $363.19. Fargate is 2.7× cheaper than Lambda here.');
  });

  it('prices the front door, NAT and a Savings Plan as they are chosen', async () => {
    const page = await open('/tools/cost/');
    await page.locator('[data-field="door"]').selectOption('rest');
    await expect.poll(() => text(page, 'total-lambda')).toBe('$5.37');
    await page.locator('[data-field="fnat"]').check();
    // Two tasks and an ALB ($34.53) plus a NAT gateway's 730 hours ($32.85).
    await expect.poll(() => text(page, 'total-fargate')).toBe('$67.38');
    expect(await page.locator('[data-out="lines-fargate"] th', { hasText: 'NAT gateway hours' }).count()).toBe(1);
    await page.locator('[data-field="sp"]').check();
    await expect.poll(() => page.locator('[data-out="lines-managed"] th', { hasText: 'Savings Plan' }).count()).toBe(1);
  });

  it('opens a link from the compute-only calculator with the figures it was shared with', async () => {
    const page = await open('/zh/tools/cost/?requests=131400000&duration=100&memory=512&vcpu=1&gb=2&tasks=2&free=1');
    await expect.poll(() => text(page, 'total-lambda')).toBe('US$128.91');
    expect(await text(page, 'total-fargate')).toBe('US$72.08');
    expect(await page.locator('[data-field="free"]').isChecked()).toBe(true);
    expect(await page.locator('[data-field="fdoor"]').inputValue()).toBe('none');
    expect(await page.locator('[data-out="notice"]').isHidden()).toBe(true);
  });

  it('says which settings of a link it could not use, and why', async () => {
    const page = await open('/tools/cost/?requests=lots&colour=red&fdoor=url&tasks=3');
    await expect.poll(() => page.locator('[data-out="notice"]').isVisible()).toBe(true);
    const notice = await text(page, 'notice');
    expect(notice).toContain('The link’s requests=lots cannot be used; the default was kept.');
    expect(notice).toContain('"colour"');
    expect(notice).toContain('fdoor=url: Function URLs exist only for Lambda functions');
    expect(await page.locator('[data-field="tasks"]').inputValue()).toBe('3');
    expect(await page.locator('[data-field="requests"]').inputValue()).toBe('1000000');
  });

  it('offers only valid memory sizes for the chosen vCPU', async () => {
    const page = await open('/tools/cost/');
    await page.locator('[data-field="vcpu"]').selectOption('8');
    const options = await page.locator('[data-field="gb"] option').allTextContents();
    expect(options).toEqual(['16', '20', '24', '28', '32', '36', '40', '44', '48', '52', '56', '60']);
  });

  it('explains a bad value beside its field and keeps the last figures', async () => {
    const page = await open('/tools/cost/');
    const error = page.locator('[data-error-for="memory"]');
    await page.locator('[data-field="memory"]').fill('64');
    await expect.poll(() => error.textContent()).toBe('Memory must be a whole number of MB from 128 to 10,240.');
    expect(await page.locator('[data-field="memory"]').getAttribute('aria-invalid')).toBe('true');
    expect(await text(page, 'total-lambda')).toBe('$2.87');
    await page.locator('[data-field="requests"]').fill('-5');
    await expect.poll(() => page.locator('[data-error-for="requests"]').textContent()).toContain('from 0 to');
    // A number field the browser cannot read (text typed into it) reports as empty.
    await page.locator('[data-field="requests"]').evaluate((el: HTMLInputElement) => {
      el.value = '';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await expect
      .poll(() => page.locator('[data-error-for="requests"]').textContent())
      .toBe('Enter a number, such as 1000000.');
    expect(await text(page, 'total-lambda')).toBe('$2.87');
    await page.locator('[data-field="requests"]').fill('1000000');
    await page.locator('[data-field="memory"]').fill('512');
    await expect.poll(() => error.isHidden()).toBe(true);
    const texts = await page.locator('cost-calculator').first().textContent();
    expect(texts).not.toMatch(/NaN|Infinity/);
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
    // First question: arrow to its last option, "Longer, or it runs all the time".
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
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

  it('offers Managed Instances beside Fargate for steady heavy traffic, in Chinese, with Chinese articles', async () => {
    const page = await open('/zh/tools/decide/');
    await page.locator('input[name="runtime"][value="short"]').check();
    await page.locator('input[name="traffic"][value="steady-high"]').check();
    await page.locator('input[name="team"][value="expert"]').check();
    await expect.poll(() => text(page, 'verdict')).toBe('AWS Fargate');
    expect(await text(page, 'alternatives')).toBe('也值得算一算：Lambda 托管实例。');
    const links = await page
      .locator('[data-out="articles"] a')
      .evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.getAttribute('lang')]));
    expect(links).toContainEqual(['/zh/posts/the-whole-bill/', 'zh-CN']);
    const calculator = await page.locator('[data-out="calculator"] a').getAttribute('href');
    expect(calculator).toMatch(/^\/zh\/tools\/cost\/\?requests=131400000&/);
  });

  it('answers hours-long workflows with durable functions and links a matching calculator scenario', async () => {
    const page = await open('/tools/decide/');
    await page.locator('input[name="runtime"][value="workflow"]').check();
    await expect.poll(() => text(page, 'verdict')).toBe('Lambda durable functions');
    expect(await text(page, 'alternatives')).toBe('Also worth pricing: AWS Fargate.');
    expect(await text(page, 'reasons')).toContain('one execution can last up to a year');
    const calculator = await page.locator('[data-out="calculator"] a').getAttribute('href');
    expect(calculator).toMatch(/^\/tools\/cost\/\?requests=480&/);
    await page.locator('input[name="runtime"][value="session"]').check();
    await expect.poll(() => text(page, 'verdict')).toBe('Lambda MicroVMs');
    expect(await page.locator('[data-out="calculator"]').isHidden()).toBe(true);
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
