import { describe, expect, it } from 'vitest';
import { isSlug, parsePostPath } from '../../src/lib/slug';

describe('parsePostPath', () => {
  it('takes the language from the folder and the slug from the file name', () => {
    expect(parsePostPath('en/lambda-cold-starts.md')).toEqual({ locale: 'en', slug: 'lambda-cold-starts' });
    expect(parsePostPath('zh/fargate-vs-lambda.mdx')).toEqual({ locale: 'zh', slug: 'fargate-vs-lambda' });
  });
  it('rejects unknown language folders with the folder name and the options', () => {
    expect(() => parsePostPath('fr/x.md')).toThrow(/fr\/x\.md: unknown language folder "fr"\. Use one of: en, zh/);
  });
  it('rejects nested folders and files outside a language folder', () => {
    expect(() => parsePostPath('en/2024/x.md')).toThrow(/directly in a language folder/);
    expect(() => parsePostPath('x.md')).toThrow(/directly in a language folder/);
  });
  it('rejects file names that are not slugs', () => {
    expect(() => parsePostPath('en/My Post.md')).toThrow(/"My Post" is used as the URL slug/);
  });
});

describe('isSlug', () => {
  it('accepts lower-case hyphenated words only', () => {
    expect(isSlug('event-driven')).toBe(true);
    expect(isSlug('ec2')).toBe(true);
    for (const bad of ['Event', 'a--b', '-a', 'a-', 'a b', 'a_b', '']) expect(isSlug(bad), bad).toBe(false);
  });
});
