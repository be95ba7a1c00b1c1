import type { AstroPrerenderer } from 'astro';
import { describe, expect, it } from 'vitest';
import { feedItemCache } from '../../src/integrations/feed-item-cache';
import { delegate, wrapPrerenderer, type PrerendererWrapper } from '../../src/integrations/prerenderer';

type RenderOptions = Parameters<AstroPrerenderer['render']>[1];

/** A prerenderer that records what it is asked to render, and with which options. */
function recorder(name = 'astro:default') {
  const calls: { url: string; component: string; collectMetadata: boolean | undefined }[] = [];
  const prerenderer: AstroPrerenderer = {
    name,
    getStaticPaths: () => Promise.resolve([]),
    render: (request, options) => {
      calls.push({
        url: request.url,
        component: options.routeData.component,
        collectMetadata: options.collectMetadata,
      });
      return Promise.resolve(new Response('ok'));
    },
  };
  return { prerenderer, calls };
}

const options = (component: string) =>
  ({ routeData: { component }, collectMetadata: true }) as unknown as RenderOptions;

/** What Astro does with the value of setPrerenderer: it keeps the last one and applies it. */
function astroSetter() {
  let last: ((inner: AstroPrerenderer) => AstroPrerenderer) | undefined;
  return {
    set: (value: (inner: AstroPrerenderer) => AstroPrerenderer) => void (last = value),
    apply: (inner: AstroPrerenderer) => last!(inner),
  };
}

const tag =
  (label: string): PrerendererWrapper =>
  (inner) =>
    delegate(inner, { name: `${inner.name}+${label}` });

describe('wrapPrerenderer', () => {
  it("keeps every integration's wrapper, in the order added, although Astro keeps only the last value", () => {
    const astro = astroSetter();
    wrapPrerenderer(astro.set, 'test-a', tag('a'));
    wrapPrerenderer(astro.set, 'test-b', tag('b'));
    expect(astro.apply(recorder().prerenderer).name).toBe('astro:default+a+b');
  });

  it('replaces a wrapper added again under the same name instead of wrapping twice', () => {
    const astro = astroSetter();
    wrapPrerenderer(astro.set, 'test-a', tag('a2'));
    expect(astro.apply(recorder().prerenderer).name).toBe('astro:default+a2+b');
  });
});

describe('delegate', () => {
  it('passes every call on to the inner prerenderer, and only the optional members it has', async () => {
    const { prerenderer, calls } = recorder();
    const wrapped = delegate(prerenderer, { name: 'w' });
    expect('collectStaticImages' in wrapped).toBe(false);
    await wrapped.setup?.();
    await wrapped.render(new Request('https://x.test/a/'), options('src/pages/a.astro'));
    await wrapped.teardown?.();
    expect(calls).toEqual([{ url: 'https://x.test/a/', component: 'src/pages/a.astro', collectMetadata: true }]);
  });
});

describe('feedItemCache whole feeds', () => {
  it('renders the listed feed routes without incremental metadata, and every other route as asked', async () => {
    const astro = astroSetter();
    const integration = feedItemCache({ wholeFeeds: ['src/pages/[...lang]/rss.xml.ts'] });
    const start = integration.hooks['astro:build:start'] as (params: { setPrerenderer: unknown }) => void;
    start({ setPrerenderer: astro.set });
    const { prerenderer, calls } = recorder();
    const wrapped = astro.apply(prerenderer);
    await wrapped.render(new Request('https://x.test/rss.xml'), options('src/pages/[...lang]/rss.xml.ts'));
    await wrapped.render(
      new Request('https://x.test/tags/a/rss.xml'),
      options('src/pages/[...lang]/tags/[tag]/rss.xml.ts'),
    );
    expect(calls.map((call) => call.collectMetadata)).toEqual([false, true]);
  });
});
