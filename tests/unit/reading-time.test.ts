import { describe, expect, it } from 'vitest';
import { bodyFacts, countText, readingMinutes, stripMarkup } from '../../src/lib/reading-time';

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(' ');
const han = (n: number) => '无服务器容器计算'.repeat(Math.ceil(n / 8)).slice(0, n);

describe('reading time', () => {
  it('counts English by words', () => {
    expect(countText(words(440))).toEqual({ hanChars: 0, words: 440 });
    expect(readingMinutes(words(440))).toBe(2);
    expect(readingMinutes(words(1100))).toBe(5);
  });

  it('counts Chinese by characters', () => {
    expect(countText(han(700)).hanChars).toBe(700);
    expect(readingMinutes(han(700))).toBe(2);
    expect(readingMinutes(han(3500))).toBe(10);
  });

  it('adds both for mixed text, counting product names as words', () => {
    const { hanChars, words: w } = countText('AWS Lambda 是一种无服务器计算服务。');
    expect(hanChars).toBe(11);
    expect(w).toBe(2);
  });

  it('ignores markup, link targets and MDX imports', () => {
    const md =
      'import X from \'./x.astro\';\n\n## Heading\n\nSee [the docs](https://docs.aws.amazon.com/lambda/) and <Callout type="note">this</Callout>.';
    expect(stripMarkup(md)).not.toContain('docs.aws');
    expect(countText(md).words).toBe(6); // Heading See the docs and this
  });

  it('never says zero minutes', () => {
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes('Short.')).toBe(1);
  });
});

describe('bodyFacts', () => {
  it('counts the reading time and lists each component an MDX body uses once', () => {
    const body = `import Callout from '../x';\n\n<Callout type="note">Hi</Callout>\n\n${'word '.repeat(660)}\n<SubscribeCta />\n<Callout>Again</Callout>`;
    expect(bodyFacts(body)).toEqual({ readingMinutes: 3, components: ['Callout', 'SubscribeCta'] });
  });

  it('finds no components in plain Markdown', () => {
    expect(bodyFacts('Lambda <= Fargate, and a <b>tag</b>.').components).toEqual([]);
  });
});
