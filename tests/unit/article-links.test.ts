import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { articleLinksPlugin, isExternal, prefixBase } from '../../src/lib/article-links';

describe('prefixBase', () => {
  it('adds the base to site-relative links only', () => {
    expect(prefixBase('/posts/x/', '/blog/')).toBe('/blog/posts/x/');
    expect(prefixBase('/posts/x/#a', '/blog')).toBe('/blog/posts/x/#a');
    expect(prefixBase('/posts/x/', '/')).toBe('/posts/x/');
    expect(prefixBase('#section', '/blog/')).toBe('#section');
    expect(prefixBase('https://aws.amazon.com/', '/blog/')).toBe('https://aws.amazon.com/');
    expect(prefixBase('//cdn.example/x', '/blog/')).toBe('//cdn.example/x');
  });
  it('does not add the base twice', () => {
    expect(prefixBase('/blog/posts/x/', '/blog/')).toBe('/blog/posts/x/');
  });
});

describe('isExternal', () => {
  it('recognises links that leave the site', () => {
    expect(isExternal('https://aws.amazon.com/')).toBe(true);
    expect(isExternal('//example.com')).toBe(true);
    expect(isExternal('/posts/x/')).toBe(false);
    expect(isExternal('mailto:a@b.c')).toBe(false);
  });
});

describe('articleLinksPlugin in the Markdown processor', () => {
  it('rewrites internal links and protects external ones', async () => {
    const { html } = await markdownToHtml('[a](/posts/x/) [b](https://aws.amazon.com/) [c](#top) ![d](/img.png)', {
      hastPlugins: [articleLinksPlugin('/blog/')],
    });
    expect(html).toContain('<a href="/blog/posts/x/">a</a>');
    expect(html).toContain('<a href="https://aws.amazon.com/" rel="noopener noreferrer">b</a>');
    expect(html).toContain('<a href="#top">c</a>');
    expect(html).toContain('src="/blog/img.png"');
  });
});
