import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { articleFreshness, asOfRange, buildDate, monthsBetween, staleFacts } from '../../src/lib/facts-freshness';
import { factsSchema, frontDoorFactsSchema } from '../../src/lib/schema';
import { loadFacts } from '../helpers/facts';

const dataDir = join(process.cwd(), 'content/data');
const factFiles = readdirSync(dataDir).filter((n) => n.endsWith('.yaml') && n !== 'terms.yaml');
const read = (name: string) => parse(readFileSync(join(dataDir, name), 'utf8')) as Record<string, unknown>;

function issues(input: unknown): string[] {
  const result = factsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('content/data', () => {
  it.each(factFiles)('%s passes the schema the build uses', (name) => {
    expect(issues(read(name))).toEqual([]);
  });

  it('holds the five facts files the articles and tools read', () => {
    const all = loadFacts();
    expect(Object.keys(all).sort()).toEqual(['fargate', 'frontDoor', 'lambda', 'lambdaOptions', 'platform']);
    expect(all.lambdaOptions.managedInstances.managementFee.fraction).toBe(0.15);
    expect(all.fargate.spot.architectures).toContain('arm64');
  });

  it('rejects a figure without its provenance, naming the field', () => {
    const data = read('front-door.yaml');
    const alb = { ...(data['alb'] as Record<string, unknown>) };
    delete alb['provenance'];
    expect(issues({ ...data, alb })).toEqual([
      'alb.provenance: provenance is required: official (an AWS page), transcription (a third-party copy of an AWS page) or third-party',
    ]);
  });

  it('rejects a figure without a source or an as-of date', () => {
    const data = read('platform.yaml');
    const { source: _s, ...noSource } = data['natGateway'] as Record<string, unknown>;
    const { asOf: _a, ...noDate } = data['eks'] as Record<string, unknown>;
    const messages = issues({ ...data, natGateway: noSource, eks: noDate });
    expect(messages).toContain(
      'natGateway.source: source is required: { title, url } of the page the figure comes from',
    );
    expect(messages.some((m) => m.startsWith('eks.asOf: asOf must be a valid date'))).toBe(true);
  });

  it('rejects a provenance that is not one of the three kinds', () => {
    const data = read('front-door.yaml');
    const result = frontDoorFactsSchema.safeParse({ ...data, lcu: { ...(data['lcu'] as object), provenance: 'blog' } });
    expect(result.success).toBe(false);
  });
});

describe('facts freshness', () => {
  it('counts whole calendar months', () => {
    expect(monthsBetween(new Date('2025-12-03'), new Date('2026-12-03'))).toBe(12);
    expect(monthsBetween(new Date('2025-12-04'), new Date('2026-12-03'))).toBe(11);
    expect(monthsBetween(new Date('2026-12-04'), new Date('2026-12-03'))).toBe(0);
  });

  it('reports sourced figures older than the limit, by path', () => {
    const data = {
      prices: [
        {
          value: 1,
          source: { title: 't', url: 'https://example.com' },
          asOf: new Date('2026-01-01'),
          provenance: 'official',
        },
        {
          value: 2,
          source: { title: 't', url: 'https://example.com' },
          asOf: new Date('2024-06-30'),
          provenance: 'official',
        },
      ],
      limits: { timeout: { value: 3, source: { title: 't', url: 'https://e.com' }, asOf: '2025-01-15' } },
    };
    const stale = staleFacts(data, new Date('2026-12-03'));
    expect(stale.map((s) => [s.path, s.ageMonths])).toEqual([
      ['prices[1]', 29],
      ['limits.timeout', 22],
    ]);
  });

  it('finds no figure older than 12 months on the day the data was last checked', () => {
    for (const name of factFiles) expect(staleFacts(read(name), new Date('2026-12-03')), name).toEqual([]);
  });

  it('finds every figure stale two years on', () => {
    const stale = staleFacts(read('lambda.yaml'), new Date('2028-12-31'));
    expect(stale.length).toBeGreaterThan(20);
  });

  it('gives the range of as-of dates of a file', () => {
    const range = asOfRange(read('platform.yaml'));
    expect(range?.oldest.toISOString().slice(0, 10)).toBe('2026-05-01');
    expect(range?.newest.toISOString().slice(0, 10)).toBe('2026-12-01');
  });
});

describe('article freshness', () => {
  const facts = loadFacts() as unknown as Record<string, unknown>;

  it('dates the figures a component shows, and flags them after six months', () => {
    const fresh = articleFreshness(['LambdaLimits'], facts, new Date('2026-12-03'))!;
    expect(fresh.newest.toISOString().slice(0, 10)).toBe('2026-12-01');
    expect(fresh.oldest.toISOString().slice(0, 10)).toBe('2026-01-29');
    expect(fresh.stale).toBe(true);
    expect(articleFreshness(['FargateTaskSizes'], facts, new Date('2026-12-03'))).toMatchObject({ stale: false });
    expect(articleFreshness(['FargateTaskSizes'], facts, new Date('2027-06-01'))).toMatchObject({ stale: true });
  });

  it('has nothing to say about an article that shows no data', () => {
    expect(articleFreshness(['Callout', 'SubscribeCta'], facts, new Date('2026-12-03'))).toBeUndefined();
  });

  it('takes the build date from SITE_BUILD_DATE, or the clock', () => {
    expect(buildDate({ SITE_BUILD_DATE: '2026-12-03' }).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    const clock = new Date('2030-01-01');
    expect(buildDate({}, () => clock)).toBe(clock);
    expect(() => buildDate({ SITE_BUILD_DATE: '3 Dec' })).toThrow('SITE_BUILD_DATE must be a date such as 2026-12-03');
  });
});
