/**
 * Pure pieces of the search interface: URL state, keyboard shortcuts, list navigation and the
 * mapping from Pagefind's result data to what a result shows. The browser module wires these to
 * the DOM; keeping them here lets them be tested without a browser.
 */

/** The URL parameter that carries the query (`/search/?q=lambda`). */
export const QUERY_PARAM = 'q';
/** The URL parameter that carries selected tags (`&tag=cost&tag=lambda`). */
export const TAG_PARAM = 'tag';
/** The URL parameter Pagefind adds to result links so the article can highlight the terms. */
export const HIGHLIGHT_PARAM = 'highlight';

export interface SearchState {
  query: string;
  tags: string[];
}

/** Reads the query and selected tags from a URL's search string. */
export function parseSearchState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const tags = [...new Set(params.getAll(TAG_PARAM).filter(Boolean))];
  return { query: (params.get(QUERY_PARAM) ?? '').trim(), tags };
}

/** Writes the state back as a search string ("" when empty), for a bookmarkable URL. */
export function formatSearchState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query.trim()) params.set(QUERY_PARAM, state.query.trim());
  for (const tag of state.tags) params.append(TAG_PARAM, tag);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What a keyboard event needs to say for shortcut matching (a structural subset of KeyboardEvent). */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** Whether focus is in a text field, where "/" must type a slash. */
  inTextField: boolean;
}

/** Ctrl-K, ⌘-K, and "/" outside text fields open search. */
export function isOpenShortcut(event: KeyLike): boolean {
  if (event.altKey) return false;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.inTextField;
}

/**
 * Moves through a list of `length` items with the arrow keys. `current` is -1 when focus is in the
 * search field; moving up from the first item returns to the field (-1), and the last item stops.
 */
export function moveSelection(current: number, key: 'ArrowDown' | 'ArrowUp' | 'Home' | 'End', length: number): number {
  if (length === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(current + 1, length - 1);
    case 'ArrowUp':
      return Math.max(current - 1, -1);
    case 'Home':
      return 0;
    case 'End':
      return length - 1;
  }
}

/** The subset of Pagefind's result data we display. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
  filters?: Record<string, string[] | undefined>;
}

export interface ResultView {
  url: string;
  title: string;
  /** HTML from Pagefind: page text, escaped, with matches wrapped in <mark>. */
  excerptHtml: string;
  date?: Date | undefined;
  tags: string[];
}

/** Turns Pagefind's data for one page into what a result shows. */
export function toResultView(data: PagefindResultData): ResultView {
  const date = data.meta['date'] ? new Date(data.meta['date']) : undefined;
  return {
    url: data.url,
    title: data.meta['title'] ?? data.url,
    excerptHtml: data.excerpt,
    date: date && !Number.isNaN(date.getTime()) ? date : undefined,
    tags: [...(data.filters?.['tag'] ?? [])].sort(),
  };
}

/** Tags offered as filters: those Pagefind knows, most used first, then by name. */
export function tagFilterOptions(counts: Record<string, number> | undefined): { tag: string; count: number }[] {
  return Object.entries(counts ?? {})
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
