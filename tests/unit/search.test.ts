import { describe, expect, it } from 'vitest';
import {
  formatSearchState,
  isOpenShortcut,
  moveSelection,
  parseSearchState,
  tagFilterOptions,
  toResultView,
} from '../../src/lib/search';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; inTextField: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inTextField: false,
  ...mods,
});

describe('search URL state', () => {
  it('reads a query and tags, trimming and de-duplicating', () => {
    expect(parseSearchState('?q=%20cold%20start%20&tag=cost&tag=cost&tag=lambda')).toEqual({
      query: 'cold start',
      tags: ['cost', 'lambda'],
    });
    expect(parseSearchState('')).toEqual({ query: '', tags: [] });
    expect(parseSearchState('?q=%E6%97%A0%E6%9C%8D%E5%8A%A1%E5%99%A8')).toEqual({ query: '无服务器', tags: [] });
  });

  it('round-trips through a bookmarkable search string', () => {
    const state = { query: '容器 cost', tags: ['fargate'] };
    expect(parseSearchState(formatSearchState(state))).toEqual(state);
    expect(formatSearchState({ query: '  ', tags: [] })).toBe('');
  });
});

describe('shortcuts', () => {
  it('opens on Ctrl-K and ⌘-K anywhere', () => {
    expect(isOpenShortcut(key('k', { ctrlKey: true }))).toBe(true);
    expect(isOpenShortcut(key('K', { metaKey: true, inTextField: true }))).toBe(true);
  });
  it('opens on "/" only outside text fields', () => {
    expect(isOpenShortcut(key('/'))).toBe(true);
    expect(isOpenShortcut(key('/', { inTextField: true }))).toBe(false);
  });
  it('ignores other keys and Alt combinations', () => {
    expect(isOpenShortcut(key('k'))).toBe(false);
    expect(isOpenShortcut(key('k', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isOpenShortcut(key('Enter'))).toBe(false);
  });
});

describe('moveSelection', () => {
  it('walks down from the field and back up to it', () => {
    expect(moveSelection(-1, 'ArrowDown', 3)).toBe(0);
    expect(moveSelection(2, 'ArrowDown', 3)).toBe(2);
    expect(moveSelection(0, 'ArrowUp', 3)).toBe(-1);
    expect(moveSelection(1, 'Home', 3)).toBe(0);
    expect(moveSelection(0, 'End', 3)).toBe(2);
    expect(moveSelection(-1, 'ArrowDown', 0)).toBe(-1);
  });
});

describe('results', () => {
  it('maps Pagefind data to a result view', () => {
    const view = toResultView({
      url: '/zh/posts/a/',
      excerpt: '<mark>无服务器</mark>计算',
      meta: { title: '标题', date: '2026-06-15T02:00:00.000Z' },
      filters: { tag: ['lambda', 'fargate'] },
    });
    expect(view).toEqual({
      url: '/zh/posts/a/',
      title: '标题',
      excerptHtml: '<mark>无服务器</mark>计算',
      date: new Date('2026-06-15T02:00:00.000Z'),
      tags: ['fargate', 'lambda'],
    });
  });

  it('tolerates missing metadata', () => {
    const view = toResultView({ url: '/x/', excerpt: '', meta: { date: 'not a date' } });
    expect(view.title).toBe('/x/');
    expect(view.date).toBeUndefined();
    expect(view.tags).toEqual([]);
  });

  it('orders tag filters by use, then name', () => {
    expect(tagFilterOptions({ cost: 1, lambda: 4, fargate: 4 })).toEqual([
      { tag: 'fargate', count: 4 },
      { tag: 'lambda', count: 4 },
      { tag: 'cost', count: 1 },
    ]);
    expect(tagFilterOptions(undefined)).toEqual([]);
  });
});
