import { describe, expect, it } from 'vitest';
import { answeredCount, questions, reasonArticle, recommend, type Answers } from '../../src/lib/decide';
import { decideEn } from '../../src/lib/i18n/decide.en';
import { decideZh } from '../../src/lib/i18n/decide.zh';
import { contentPosts } from '../helpers/dist';

describe('decision guide', () => {
  it('sends GPU workloads elsewhere, whatever else is true', () => {
    expect(recommend({ gpu: 'yes', traffic: 'spiky', runtime: 'short' })).toEqual({
      verdict: 'neither',
      alternatives: [],
      reasons: ['gpu'],
      articles: ['combining-lambda-and-fargate'],
      calculator: undefined,
    });
  });

  it('needs Fargate for a service, held connections or images over 10 GB', () => {
    for (const answers of [{ runtime: 'long' }, { connections: 'persistent' }, { size: 'huge' }] as Answers[]) {
      expect(recommend({ ...answers, traffic: 'steady-low' }).verdict).toBe('fargate');
    }
    expect(recommend({ runtime: 'long', connections: 'persistent' }).reasons).toEqual(['runtime-long', 'persistent']);
  });

  it('sends steps that wait for hours or days to durable functions, with Fargate as the alternative', () => {
    const r = recommend({ runtime: 'workflow', traffic: 'spiky' });
    expect(r.verdict).toBe('durable');
    expect(r.alternatives).toEqual(['fargate']);
    expect(r.reasons).toEqual(['runtime-workflow', 'spiky']);
    expect(r.articles[0]).toBe('what-changed-in-2025-26');
    expect(r.calculator).toBe('c');
  });

  it('sends one asynchronous job of up to 90 minutes to Managed Instances', () => {
    const r = recommend({ runtime: 'job', team: 'expert' });
    expect(r).toMatchObject({ verdict: 'managed', alternatives: ['fargate'], calculator: 'c' });
    expect(r.reasons).toEqual(['runtime-job', 'team-expert']);
  });

  it('sends an isolated session of up to 8 hours to MicroVMs, which the calculator does not price', () => {
    const r = recommend({ runtime: 'session', traffic: 'steady-low' });
    expect(r).toMatchObject({ verdict: 'microvm', alternatives: ['fargate'], calculator: undefined });
  });

  it('still needs Fargate when long work also holds connections open', () => {
    expect(recommend({ runtime: 'workflow', connections: 'persistent' }).verdict).toBe('fargate');
  });

  it('offers Managed Instances beside Fargate for steady heavy traffic, with the steady API scenario', () => {
    const r = recommend({ runtime: 'short', traffic: 'steady-high', team: 'expert' });
    expect(r.verdict).toBe('fargate');
    expect(r.alternatives).toEqual(['managed']);
    expect(r.reasons.at(-1)).toBe('steady-high-managed');
    expect(r.calculator).toBe('b');
  });

  it('combines both when a long-running part meets spiky, event-driven traffic', () => {
    const r = recommend({ runtime: 'long', traffic: 'spiky', team: 'new' });
    expect(r.verdict).toBe('both');
    expect(r.reasons).toEqual(['runtime-long', 'both', 'spiky', 'team-new']);
    expect(r.articles[0]).toBe('choosing-between-lambda-and-fargate');
    expect(r.articles).toContain('combining-lambda-and-fargate');
  });

  it('recommends Lambda for short, spiky work', () => {
    const r = recommend({
      runtime: 'short',
      connections: 'none',
      size: 'small',
      traffic: 'spiky',
      gpu: 'no',
      startup: 'seconds',
      team: 'some',
    });
    expect(r.verdict).toBe('lambda');
    expect(r.reasons).toEqual(['runtime-short', 'size-small', 'spiky']);
  });

  it('recommends Fargate for steady heavy traffic with an experienced container team', () => {
    const r = recommend({ runtime: 'short', traffic: 'steady-high', startup: 'instant', team: 'expert' });
    expect(r.verdict).toBe('fargate');
    expect(r.reasons).toEqual(['steady-high', 'instant', 'team-expert', 'steady-high-managed']);
  });

  it('leans to Lambda on a tie, and says so', () => {
    expect(recommend({})).toEqual({
      verdict: 'lambda',
      alternatives: [],
      reasons: ['tie'],
      articles: ['choosing-between-lambda-and-fargate'],
      calculator: 'a',
    });
    expect(recommend({ traffic: 'steady-high', team: 'new', runtime: 'short' }).reasons[0]).toBe('tie');
  });

  it('treats WebSockets through API Gateway as Lambda territory', () => {
    expect(recommend({ connections: 'websocket', traffic: 'steady-low' }).verdict).toBe('lambda');
  });

  it('counts answered questions', () => {
    expect(answeredCount({ gpu: 'no', team: 'new' })).toBe(2);
    expect(Object.keys(questions)).toHaveLength(7);
  });

  it('has every verdict, reason and option in both languages', () => {
    for (const d of [decideEn, decideZh]) {
      expect(Object.keys(d.verdicts).sort()).toEqual([
        'both',
        'durable',
        'fargate',
        'lambda',
        'managed',
        'microvm',
        'neither',
      ]);
      expect(Object.keys(d.reasons).sort()).toEqual(Object.keys(reasonArticle).sort());
      expect(Object.keys(d.questions.runtime.options)).toEqual([...questions.runtime]);
    }
  });

  it('links every reason to an article that exists in English', () => {
    const slugs = new Set(
      contentPosts(process.cwd())
        .filter((p) => !p.draft && p.locale === 'en')
        .map((p) => p.slug),
    );
    for (const slug of Object.values(reasonArticle)) expect(slugs.has(slug), slug).toBe(true);
  });

  it('gives every answer path a verdict with at least one reason', () => {
    const ids = Object.keys(questions) as (keyof typeof questions)[];
    let paths = 0;
    const walk = (i: number, answers: Answers) => {
      if (i === ids.length) {
        const r = recommend(answers);
        expect(r.reasons.length).toBeGreaterThan(0);
        expect(r.articles.length).toBeGreaterThan(0);
        expect(r.alternatives).not.toContain(r.verdict);
        if (r.verdict !== 'neither' && r.verdict !== 'microvm') expect(r.calculator).toBeDefined();
        paths++;
        return;
      }
      const id = ids[i]!;
      for (const option of questions[id]) walk(i + 1, { ...answers, [id]: option });
    };
    walk(0, {});
    expect(paths).toBe(5 * 3 * 3 * 3 * 2 * 3 * 3);
  });
});
