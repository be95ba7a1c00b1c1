import { describe, expect, it } from 'vitest';
import { absoluteUrl, blogPostingJsonLd, documentTitle, serializeJsonLd } from '../../src/lib/seo';

describe('seo', () => {
  it('makes absolute URLs that keep the base path', () => {
    expect(absoluteUrl('/posts/x/', 'https://example.com', '/')).toBe('https://example.com/posts/x/');
    expect(absoluteUrl('/posts/x/', 'https://example.com', '/blog/')).toBe('https://example.com/blog/posts/x/');
  });

  it('titles documents', () => {
    expect(documentTitle('Tags', 'Lambda or Fargate')).toBe('Tags · Lambda or Fargate');
    expect(documentTitle(undefined, 'Lambda or Fargate')).toBe('Lambda or Fargate');
  });

  it('keeps every title within 70 characters, dropping the site name first', () => {
    const long = 'What Lambda and Fargate Really Cost: Three Workloads, Worked Through';
    expect(long.length).toBe(68);
    expect(documentTitle(long, 'Lambda or Fargate')).toBe(long);
    const longer = 'The Whole Bill: Lambda and Fargate With Front Door, NAT, IPv4, Savings Plans and the EKS Fee';
    const cut = documentTitle(longer, 'Lambda or Fargate');
    expect([...cut].length).toBeLessThanOrEqual(70);
    expect(cut).toBe('The Whole Bill: Lambda and Fargate With Front Door, NAT, IPv4…');
    const zh = '整体账单：'.repeat(20);
    expect([...documentTitle(zh, 'Lambda 还是 Fargate')].length).toBe(70);
  });

  it('escapes "<" so a title cannot close the JSON-LD script', () => {
    const out = serializeJsonLd({ headline: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out).headline).toBe('</script><script>alert(1)</script>');
  });

  it('describes an article as a BlogPosting in its language', () => {
    const ld = blogPostingJsonLd({
      url: 'https://example.com/zh/posts/x/',
      title: '标题',
      description: '描述',
      locale: 'zh',
      published: new Date('2026-06-15T02:00:00Z'),
      tags: ['lambda', 'fargate'],
      image: 'https://example.com/social-card.png',
      author: 'Team',
      siteTitle: 'Site',
      siteUrl: 'https://example.com/zh/',
    });
    expect(ld).toMatchObject({
      '@type': 'BlogPosting',
      inLanguage: 'zh-CN',
      datePublished: '2026-06-15T02:00:00.000Z',
      dateModified: '2026-06-15T02:00:00.000Z',
      keywords: 'lambda, fargate',
    });
  });
});
