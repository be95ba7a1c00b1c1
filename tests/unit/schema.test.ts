import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { postSchema } from '../../src/lib/schema';

// Astro's image() resolves files; a string stands in for it here.
const schema = postSchema(() => z.string());

const valid = {
  title: 'Choosing between Lambda and Fargate',
  description: 'How to choose.',
  pubDate: '2023-01-27T14:00:00+01:00',
  tags: ['lambda', 'fargate'],
};

function messages(input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('post front matter', () => {
  it('accepts a valid article and fills defaults', () => {
    const data = schema.parse(valid);
    expect(data.draft).toBe(false);
    expect(data.pubDate.toISOString()).toBe('2023-01-27T13:00:00.000Z');
  });

  it('names a missing title', () => {
    const { title: _omit, ...rest } = valid;
    expect(messages(rest)).toEqual(['title: title is required and must be text']);
  });

  it('explains an invalid date', () => {
    expect(messages({ ...valid, pubDate: '2023-01-27 14:00:00 +1:00x' })).toEqual([
      'pubDate: pubDate must be a valid date such as 2026-11-22 or 2026-11-22T10:00:00+01:00',
    ]);
  });

  it('requires lower-case slug tags, at least one, without repeats', () => {
    expect(messages({ ...valid, tags: ['AWS Lambda'] })[0]).toMatch(/^tags\.0: each tag must be a lower-case slug/);
    expect(messages({ ...valid, tags: [] })).toEqual(['tags: tags needs at least one tag, e.g. [lambda]']);
    expect(messages({ ...valid, tags: ['a', 'a'] })).toEqual(['tags: tags must not repeat']);
  });

  it('rejects unknown fields and lists the allowed ones', () => {
    expect(messages({ ...valid, layout: 'post' })[0]).toMatch(
      /unknown field\(s\) "layout"; allowed: title, description/,
    );
  });

  it('requires alt text with a hero image', () => {
    expect(messages({ ...valid, heroImage: './hero.png' })).toEqual([
      'heroAlt: heroAlt is required when heroImage is set (describe the image for screen readers)',
    ]);
  });

  it('rejects an update earlier than publication', () => {
    expect(messages({ ...valid, updatedDate: '2020-01-01' })).toEqual([
      'updatedDate: updatedDate must not be earlier than pubDate',
    ]);
  });

  it('rejects a draft flag that is not a boolean', () => {
    expect(messages({ ...valid, draft: 'yes' })).toEqual(['draft: draft must be true or false']);
  });
});
