import type { AstroPrerenderer } from 'astro';

/**
 * Wrappers around Astro's prerenderer, from several integrations. Astro keeps only the last value
 * passed to `setPrerenderer`, so each integration adds its wrapper here and passes on the whole
 * chain, in the order the integrations added them. A wrapper is kept by name, so building again in
 * the same process replaces it rather than wrapping twice.
 */

export type PrerendererWrapper = (inner: AstroPrerenderer) => AstroPrerenderer;
type SetPrerenderer = (prerenderer: (defaultPrerenderer: AstroPrerenderer) => AstroPrerenderer) => void;

const wrappers = new Map<string, PrerendererWrapper>();

/** Adds `wrap` (under `name`) around Astro's prerenderer, keeping the other integrations' wrappers. */
export function wrapPrerenderer(setPrerenderer: SetPrerenderer, name: string, wrap: PrerendererWrapper): void {
  wrappers.set(name, wrap);
  const chain = [...wrappers.values()];
  setPrerenderer((inner) => chain.reduce((prerenderer, next) => next(prerenderer), inner));
}

/**
 * A prerenderer that passes everything to `inner` except what `overrides` replaces. Astro checks
 * for some optional members, so only those `inner` has are passed on.
 */
export function delegate(
  inner: AstroPrerenderer,
  overrides: Partial<Pick<AstroPrerenderer, 'getStaticPaths' | 'render' | 'teardown'>> & { name: string },
): AstroPrerenderer {
  return {
    ...inner,
    setup: () => inner.setup?.() ?? Promise.resolve(),
    getStaticPaths: () => inner.getStaticPaths(),
    render: (request, options) => inner.render(request, options),
    ...(inner.collectStaticImages && { collectStaticImages: inner.collectStaticImages.bind(inner) }),
    teardown: () => inner.teardown?.() ?? Promise.resolve(),
    ...overrides,
  };
}
