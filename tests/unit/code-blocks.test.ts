import { transformerNotationDiff } from '@shikijs/transformers';
import { codeToHtml, createCssVariablesTheme } from 'shiki';
import { describe, expect, it } from 'vitest';
import {
  parseLineRanges,
  parseTitle,
  rawMeta,
  tokenClasses,
  transformerCodeFigure,
  transformerLineHighlight,
  transformerTokenClasses,
  transformerWholeLines,
} from '../../src/lib/code-blocks';

describe('meta parsing', () => {
  it('reads the file name title', () => {
    expect(parseTitle('title="src/handler.ts" {1-2}')).toBe('src/handler.ts');
    expect(parseTitle("title='a b.json'")).toBe('a b.json');
    expect(parseTitle('{1-2}')).toBeUndefined();
  });
  it('reads line ranges, ignoring braces inside quoted titles', () => {
    expect([...parseLineRanges('{1,3-5}')]).toEqual([1, 3, 4, 5]);
    expect([...parseLineRanges('title="{9}.ts" {2}')]).toEqual([2]);
    expect(parseLineRanges('').size).toBe(0);
  });
  it('accepts the meta as a string or as Shiki’s object', () => {
    expect(rawMeta('x')).toBe('x');
    expect(rawMeta({ __raw: 'y' })).toBe('y');
    expect(rawMeta(undefined)).toBe('');
  });
});

describe('code block transformers with Shiki', () => {
  const render = (code: string, lang: string, meta: string) =>
    codeToHtml(code, {
      lang,
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: false,
      meta: { __raw: meta },
      transformers: [
        transformerNotationDiff({ matchAlgorithm: 'v3' }),
        transformerLineHighlight(),
        transformerCodeFigure(),
      ],
    });

  it('wraps the block in a figure with the title as caption', async () => {
    const html = await render('const a = 1;', 'ts', 'title="src/a.ts"');
    expect(html).toMatch(
      /^<figure class="code-block" data-lang="ts"><figcaption class="code-title">src\/a\.ts<\/figcaption><pre/,
    );
  });

  it('marks highlighted lines once, with a single class attribute', async () => {
    const html = await render('a\nb\nc', 'txt', '{2}');
    expect(html.match(/class="line highlighted"/g)).toHaveLength(1);
    expect(html).not.toMatch(/class="[^"]*"\s+class=/);
  });

  it('turns diff comments into added and removed lines', async () => {
    const html = await render('old(); // [!code --]\nnew(); // [!code ++]', 'ts', '');
    expect(html).toContain('class="line diff remove"');
    expect(html).toContain('class="line diff add"');
    expect(html).not.toContain('[!code');
  });
});

describe('token classes', () => {
  it('maps css-variables declarations to classes, and keeps unknown styles', () => {
    expect(tokenClasses('color:var(--astro-code-token-keyword)')).toEqual(['tk-keyword']);
    expect(tokenClasses('color:var(--astro-code-token-comment);font-style:italic')).toEqual([
      'tk-comment',
      'tk-italic',
    ]);
    expect(tokenClasses('color:var(--astro-code-foreground)')).toEqual(['tk-fg']);
    expect(tokenClasses('color:#ff0000')).toBeUndefined();
  });

  it('leaves Shiki output without style attributes', async () => {
    const html = await codeToHtml('const a = "b"; // c', {
      lang: 'ts',
      // The same theme Astro builds for `theme: 'css-variables'`.
      theme: createCssVariablesTheme({ variablePrefix: '--astro-code-' }),
      transformers: [transformerTokenClasses()],
    });
    expect(html).not.toContain('style=');
    expect(html).toMatch(/class="tk-keyword"/);
  });
});

describe('transformerWholeLines', () => {
  // A time limit no line can meet: Shiki then leaves each line after its first token unhighlighted.
  const tokens = async (transformers: ReturnType<typeof transformerWholeLines>[], tokenizeTimeLimit = 1e-9) =>
    (
      await codeToHtml('const answer = await handler({ statusCode: 200 });', {
        lang: 'ts',
        theme: 'github-light',
        tokenizeTimeLimit,
        transformers,
      })
    ).match(/<span style/g)?.length ?? 0;

  it('tokenizes every line whole, whatever time limit Shiki was given', async () => {
    const cut = await tokens([]);
    const whole = await tokens([transformerWholeLines()]);
    expect(whole).toBeGreaterThan(cut);
    // The same tokens as with no limit at all.
    expect(whole).toBe(await tokens([], 0));
  });
});
