import { formatDate } from '../../lib/dates';
import { defaultLocale, isLocale, type Locale } from '../../lib/i18n/locales';
import { loadUi } from '../../lib/i18n/load';
import {
  HIGHLIGHT_PARAM,
  formatSearchState,
  moveSelection,
  parseSearchState,
  tagFilterOptions,
  toResultView,
  type PagefindResultData,
  type ResultView,
} from '../../lib/search';
import { SHARD_PLAN, shardsOf, shardUrls } from '../../lib/search-shards';

/**
 * The search interface, downloaded only when a reader opens search. It drives Pagefind's JS API
 * (the index is per language: Pagefind picks it from <html lang>) and renders our own results.
 */

interface PagefindResult {
  data(): Promise<PagefindResultData>;
}
interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(url: string, options: Record<string, unknown>): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  debouncedSearch(
    query: string | null,
    options: { filters?: Record<string, unknown> },
    ms?: number,
  ): Promise<{ results: PagefindResult[] } | null>;
}

const MAX_RESULTS = 20;
let api: Promise<PagefindApi> | undefined;

/**
 * Loads Pagefind once per page, from the deployment base, with the other shards of the language's
 * index merged into the first (src/lib/search-shards.ts). The shard plan, published beside the
 * index, says how many there are; they load in parallel.
 */
function loadPagefind(base: string): Promise<PagefindApi> {
  api ??= (async () => {
    const root = base.endsWith('/') ? base : `${base}/`;
    const [pagefind, plan] = await Promise.all([
      import(/* @vite-ignore */ `${root}pagefind/pagefind.js`) as Promise<PagefindApi>,
      fetch(`${root}${SHARD_PLAN}`).then(
        (response) => (response.ok ? response.json() : {}),
        () => ({}),
      ),
    ]);
    const [, ...others] = shardUrls(shardsOf(plan, document.documentElement.lang), base);
    const options = { highlightParam: HIGHLIGHT_PARAM, excerptLength: 28 };
    await pagefind.options(options);
    await Promise.all([pagefind.init(), ...others.map((url) => pagefind.mergeIndex(url, options))]);
    return pagefind;
  })();
  return api;
}

const tagLabels = (el: HTMLElement): Record<string, string> => JSON.parse(el.dataset['tagLabels'] ?? '{}');

function resultItem(view: ResultView, locale: Locale, labels: Record<string, string>): HTMLLIElement {
  const li = document.createElement('li');
  const link = document.createElement('a');
  link.href = view.url;
  link.className = 'result';
  const title = document.createElement('span');
  title.className = 'result-title';
  title.textContent = view.title;
  link.append(title);
  if (view.date || view.tags.length) {
    const meta = document.createElement('span');
    meta.className = 'result-meta';
    if (view.date) {
      const time = document.createElement('time');
      time.dateTime = view.date.toISOString();
      time.textContent = formatDate(view.date, locale);
      meta.append(time);
    }
    for (const tag of view.tags) {
      const chip = document.createElement('span');
      chip.className = 'result-tag';
      chip.textContent = `#${labels[tag] ?? tag}`;
      meta.append(chip);
    }
    link.append(meta);
  }
  const excerpt = document.createElement('span');
  excerpt.className = 'result-excerpt';
  // Pagefind escapes the page text and adds only <mark> around matches.
  excerpt.innerHTML = view.excerptHtml;
  link.append(excerpt);
  li.append(link);
  return li;
}

/** Connects one search panel (the dialog's or the search page's) to Pagefind. */
export async function mountSearchPanel(panel: HTMLElement): Promise<void> {
  if (panel.dataset['mounted']) return;
  panel.dataset['mounted'] = 'true';
  const lang = panel.dataset['lang'];
  const locale = isLocale(lang) ? lang : defaultLocale;
  // Only the page's language is downloaded.
  const t = await loadUi[locale]();
  const labels = tagLabels(panel);
  const syncUrl = panel.dataset['mode'] === 'page';
  const input = panel.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = panel.querySelector<HTMLElement>('[role="status"]')!;
  const list = panel.querySelector<HTMLOListElement>('.results')!;
  const filterBox = panel.querySelector<HTMLFieldSetElement>('.filters')!;
  const filterList = filterBox.querySelector<HTMLElement>('.filter-tags')!;
  const selected = new Set<string>();
  let pagefind: PagefindApi;

  status.textContent = t['search.loading'];
  try {
    pagefind = await loadPagefind(panel.dataset['base'] ?? '/');
  } catch {
    const noIndex = panel.dataset['dev'] === 'true';
    status.textContent = noIndex ? t['search.noIndex'] : t['search.failed'];
    return;
  }
  status.textContent = '';

  const links = () => [...list.querySelectorAll<HTMLAnchorElement>('a.result')];

  async function run(): Promise<void> {
    const query = input.value.trim();
    if (syncUrl) {
      const search = formatSearchState({ query, tags: [...selected] });
      history.replaceState(null, '', `${location.pathname}${search}`);
    }
    if (!query && selected.size === 0) {
      list.replaceChildren();
      status.textContent = '';
      return;
    }
    const filters = selected.size ? { tag: { any: [...selected] } } : {};
    const search = await pagefind.debouncedSearch(query || null, { filters }, 120);
    if (search === null) return; // superseded by a newer keystroke
    const data = await Promise.all(search.results.slice(0, MAX_RESULTS).map((r) => r.data()));
    list.replaceChildren(...data.map((d) => resultItem(toResultView(d), locale, labels)));
    const count = search.results.length;
    status.textContent =
      count === 0 ? t['search.none'](query) : query ? t['search.results'](count, query) : t['search.resultsAll'](count);
  }

  const tags = tagFilterOptions((await pagefind.filters())['tag']);
  const initial = syncUrl ? parseSearchState(location.search) : { query: '', tags: [] };
  for (const { tag } of tags) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'filter-tag';
    button.dataset['tag'] = tag;
    button.textContent = `#${labels[tag] ?? tag}`;
    const on = initial.tags.includes(tag);
    if (on) selected.add(tag);
    button.setAttribute('aria-pressed', String(on));
    button.addEventListener('click', () => {
      const pressed = !selected.has(tag);
      if (pressed) selected.add(tag);
      else selected.delete(tag);
      button.setAttribute('aria-pressed', String(pressed));
      void run();
    });
    filterList.append(button);
  }
  filterBox.hidden = tags.length === 0;

  input.addEventListener('input', () => void run());
  panel.addEventListener('keydown', (event) => {
    const items = links();
    const key = event.key;
    if (key === 'Enter' && event.target === input) {
      event.preventDefault();
      items[0]?.click();
      return;
    }
    if (key !== 'ArrowDown' && key !== 'ArrowUp') return;
    if (event.target !== input && !items.includes(event.target as HTMLAnchorElement)) return;
    event.preventDefault();
    const current = items.indexOf(document.activeElement as HTMLAnchorElement);
    const next = moveSelection(current, key, items.length);
    (next === -1 ? input : items[next])?.focus();
  });

  if (initial.query) input.value = initial.query;
  // The reader may have typed while the interface was loading.
  if (input.value.trim() || selected.size) await run();
}

/** Highlights the search terms on an article opened from a result (…?highlight=term). */
export async function highlightTerms(base: string): Promise<void> {
  const url = `${base.replace(/\/+$/, '')}/pagefind/pagefind-highlight.js`;
  const { default: PagefindHighlight } = (await import(/* @vite-ignore */ url)) as {
    default: new (options: Record<string, unknown>) => unknown;
  };
  new PagefindHighlight({ highlightParam: HIGHLIGHT_PARAM, addStyles: false });
}
