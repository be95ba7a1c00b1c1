import { describe, expect, it } from 'vitest';
import { answeredCount, questions, reasonArticle, recommend, type Answers } from '../../src/lib/decide';
import { contentPosts } from '../helpers/dist';

describe('decision guide', () => {
  it('sends GPU workloads elsewhere, whatever else is true', () => {
    expect(recommend({ gpu: 'yes', traffic: 'spiky', runtime: 'short' })).toEqual({
      verdict: 'neither',
      reasons: ['gpu'],
      articles: ['combining-lambda-and-fargate'],
    });
  });

  it('needs Fargate for runs over 15 minutes, held connections or images over 10 GB', () => {
    for (const answers of [{ runtime: 'long' }, { connections: 'persistent' }, { size: 'huge' }] as Answers[]) {
      expect(recommend({ ...answers, traffic: 'steady-high' }).verdict).toBe('fargate');
    }
    expect(recommend({ runtime: 'long', connections: 'persistent' }).reasons).toEqual(['runtime-long', 'persistent']);
  });

  it('combines both when a long part meets spiky, event-driven traffic', () => {
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
    expect(r.reasons).toEqual(['steady-high', 'instant', 'team-expert']);
  });

  it('leans to Lambda on a tie, and says so', () => {
    expect(recommend({})).toEqual({
      verdict: 'lambda',
      reasons: ['tie'],
      articles: ['choosing-between-lambda-and-fargate'],
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
        paths++;
        return;
      }
      const id = ids[i]!;
      for (const option of questions[id]) walk(i + 1, { ...answers, [id]: option });
    };
    walk(0, {});
    expect(paths).toBe(2 * 3 * 3 * 3 * 2 * 3 * 3);
  });
});
