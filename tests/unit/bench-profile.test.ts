import { describe, expect, it } from 'vitest';
import {
  inclusiveTime,
  locationOf,
  profileDuration,
  selfTimes,
  topFunctions,
  topLocations,
  type CpuProfile,
} from '../../scripts/bench/profile';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

// root → main → render → (highlight, render again) ; root → (garbage collector)
const profile: CpuProfile = {
  startTime: 0,
  endTime: 10_000,
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6] },
    { id: 2, callFrame: frame('main', 'file:///site/build.mjs', 0), children: [3] },
    { id: 3, callFrame: frame('render', 'file:///site/node_modules/astro/dist/render.js', 9), children: [4, 5] },
    { id: 4, callFrame: frame('codeToHast', 'file:///site/node_modules/@shikijs/core/dist/index.mjs', 99) },
    { id: 5, callFrame: frame('render', 'file:///site/node_modules/astro/dist/render.js', 9) },
    { id: 6, callFrame: frame('(garbage collector)') },
  ],
  samples: [2, 3, 4, 4, 4, 5, 6, 6],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 1000, 2000, 2000],
};

describe('bench: CPU profile summary', () => {
  it('names where code lives', () => {
    expect(locationOf('file:///x/node_modules/@shikijs/core/dist/a.mjs')).toBe('@shikijs/core');
    expect(locationOf('file:///x/node_modules/astro/dist/a.js')).toBe('astro');
    expect(locationOf('file:///site/dist/chunks/feeds.mjs', '/site')).toBe('dist/chunks/feeds.mjs');
    expect(locationOf('node:internal/fs')).toBe('node (internals)');
    expect(locationOf('')).toBe('(native)');
  });

  it('attributes sampled time to nodes', () => {
    const self = selfTimes(profile);
    expect(self.get(4)).toBe(3);
    expect(self.get(6)).toBe(4);
    expect(profileDuration(profile)).toBe(10);
  });

  it('ranks functions by self time, merging call sites of one function', () => {
    const top = topFunctions(profile, 3, '/site');
    expect(top.map((h) => [h.name, h.ms])).toEqual([
      ['(garbage collector)', 4],
      ['codeToHast', 3],
      ['render', 2],
    ]);
    expect(top[1]!.where).toBe('@shikijs/core:100');
    expect(top[0]!.share).toBeCloseTo(4 / 10);
  });

  it('ranks packages by self time', () => {
    expect(topLocations(profile, 10, '/site').map((h) => [h.where, h.ms])).toEqual([
      ['(garbage collector)', 4],
      ['@shikijs/core', 3],
      ['astro', 2],
      ['build.mjs', 1],
    ]);
  });

  it('measures inclusive time without counting recursion twice', () => {
    expect(inclusiveTime(profile, (f) => f.functionName === 'render')).toBe(5);
    expect(inclusiveTime(profile, (f) => f.functionName === 'main')).toBe(6);
    expect(inclusiveTime(profile, () => false)).toBe(0);
  });

  it('falls back to hit counts without samples', () => {
    const byHits: CpuProfile = {
      startTime: 0,
      endTime: 4000,
      nodes: [
        { id: 1, callFrame: frame('(root)'), hitCount: 1, children: [2] },
        { id: 2, callFrame: frame('work', 'file:///w.js'), hitCount: 3 },
      ],
    };
    expect(selfTimes(byHits).get(2)).toBe(3);
  });
});
