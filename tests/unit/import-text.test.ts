import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/lib/import/language';
import { normalizeTags, plainText, slugify, tagList, truncate } from '../../src/lib/import/text';
import { isSlug } from '../../src/lib/slug';

describe('slugify', () => {
  it('makes lower-case hyphenated ASCII that the site accepts', () => {
    expect(slugify('Serverless Compute Compared')).toBe('serverless-compute-compared');
    expect(slugify('Pasted image 20251026154307')).toBe('pasted-image-20251026154307');
    expect(slugify('Ça va, AWS’s Lambda!')).toBe('ca-va-awss-lambda');
    expect(isSlug(slugify('  --Mixed__Case--  '))).toBe(true);
  });

  it('gives nothing for Chinese-only text', () => {
    expect(slugify('无服务器入门')).toBe('');
  });
});

describe('tags', () => {
  it('reads lists and comma- or space-separated strings', () => {
    expect(tagList(['a', 1, null])).toEqual(['a', '1']);
    expect(tagList('aws lambda')).toEqual(['aws', 'lambda']);
    expect(tagList('AWS Lambda, Fargate')).toEqual(['AWS Lambda', 'Fargate']);
  });

  it('normalises to unique slugs and maps known labels, rejecting the rest', () => {
    const labels = new Map([['无服务器', 'serverless']]);
    expect(normalizeTags(['AWS Lambda', 'aws-lambda', '#aws/lambda', '无服务器', '架构设计'], labels)).toEqual({
      tags: ['aws-lambda', 'serverless'],
      rejected: ['架构设计'],
    });
  });
});

describe('plainText', () => {
  it('strips Markdown, HTML, template tags and wiki links', () => {
    expect(plainText('**Bold** and _em_ with [a link](https://x.dev) and `code`')).toBe(
      'Bold and em with a link and code',
    );
    expect(plainText('See [[Note|the note]] and [[Other#Part]] <!-- x --> {{< newsletter >}} <b>end</b>')).toBe(
      'See the note and Other end',
    );
    expect(plainText('## A heading')).toBe('A heading');
    expect(plainText('![img](a.png) !\\[gone\\](b.png) text')).toBe('text');
  });
});

describe('truncate', () => {
  it('keeps short text and whole sentences that fit', () => {
    expect(truncate('Short.', 160)).toBe('Short.');
    expect(truncate('One sentence here. Another that is rather long and will not fit at all.', 40)).toBe(
      'One sentence here.',
    );
  });

  it('cuts at a word with an ellipsis when no sentence fits', () => {
    const text = 'word '.repeat(50).trim();
    const cut = truncate(text, 30);
    expect(cut.length).toBeLessThanOrEqual(30);
    expect(cut).toBe('word word word word word word…');
  });

  it('cuts Chinese at a full stop', () => {
    const text = `${'无服务器计算'.repeat(8)}。${'容器'.repeat(100)}。`;
    expect(truncate(text, 160)).toBe(`${'无服务器计算'.repeat(8)}。`);
    expect(truncate('容器'.repeat(100), 10)).toBe('容器容器容器容器容…');
  });
});

describe('detectLanguage', () => {
  it('detects English, Chinese and mixed text from the share of Han characters', () => {
    expect(detectLanguage('AWS Lambda runs code when events arrive.')).toMatchObject({ locale: 'en', mixed: false });
    expect(detectLanguage('AWS Fargate 是一种无服务器、随用随付的计算引擎。')).toMatchObject({
      locale: 'zh',
      mixed: false,
    });
    const mixed = detectLanguage(
      'AWS Fargate 是一种无服务器计算引擎。 It works with ECS and EKS, and you pay per task.',
    );
    expect(mixed.mixed).toBe(true);
  });
});
