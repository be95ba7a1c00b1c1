import InteractivePlaceholder from './InteractivePlaceholder.astro';
import { mdxComponents } from './index';

/**
 * The components an article renders with inside a feed. Static components render as themselves;
 * interactive ones (listed in `interactive`) become a link to the article, since readers run no
 * JavaScript.
 */
export const interactive: readonly string[] = ['CostCalculator'];

export const feedComponents: Record<string, unknown> = {
  ...mdxComponents,
  ...Object.fromEntries(interactive.map((name) => [name, InteractivePlaceholder])),
};
