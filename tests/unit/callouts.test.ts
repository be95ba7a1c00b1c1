import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { calloutsPlugin, localeOfFile, parseAlertMarker } from '../../src/lib/callouts';

const labels = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };
/** Plain Markdown with synchronous plugins renders synchronously; the type allows a promise. */
const render = (markdown: string) => {
  const result = markdownToHtml(markdown, { hastPlugins: [calloutsPlugin((type) => labels[type])] });
  if (result instanceof Promise) throw new Error('expected a synchronous render');
  return result.html.replace(/\n/g, '');
};

describe('GitHub alerts in Markdown', () => {
  it('reads the marker, the title on its line, and the rest', () => {
    expect(parseAlertMarker('[!NOTE]\nBody')).toEqual({ type: 'note', title: '', rest: 'Body' });
    expect(parseAlertMarker('[!warning] Mind the cap\nText')).toEqual({
      type: 'warning',
      title: 'Mind the cap',
      rest: 'Text',
    });
    expect(parseAlertMarker('[!SHOUT]\nBody')).toBeUndefined();
    expect(parseAlertMarker('Plain [!NOTE]')).toBeUndefined();
  });

  it.each(['NOTE', 'TIP', 'IMPORTANT', 'WARNING', 'CAUTION'])('renders > [!%s] like the MDX callout', (type) => {
    const html = render(`> [!${type}]\n> Check the **live** prices.`);
    const lower = type.toLowerCase();
    expect(html).toContain(`<div class="callout ${lower}" role="note">`);
    expect(html).toContain(`<span>${labels[lower as keyof typeof labels]}</span>`);
    expect(html).toMatch(/<p class="title"><svg [^>]*aria-hidden="true"/);
    expect(html).toContain('<div class="body"><p>Check the <strong>live</strong> prices.</p></div>');
    expect(html).not.toContain('[!');
    expect(html).not.toContain('<blockquote>');
  });

  it('uses a title written after the marker, and keeps later paragraphs', () => {
    const html = render('> [!TIP] Use arm64\n> It costs less.\n>\n> Second paragraph.');
    expect(html).toContain('<span>Use arm64</span>');
    expect(html).toContain('<p>It costs less.</p>');
    expect(html).toContain('<p>Second paragraph.</p>');
  });

  it('leaves ordinary blockquotes alone', () => {
    expect(render('> Just a quote.')).toContain('<blockquote>');
  });

  it('finds the article language from its file', () => {
    expect(localeOfFile(new URL('file:///site/content/posts/zh/x.md'), ['en', 'zh'], 'en')).toBe('zh');
    expect(localeOfFile(undefined, ['en', 'zh'], 'en')).toBe('en');
  });
});
