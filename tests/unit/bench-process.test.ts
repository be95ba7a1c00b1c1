import { describe, expect, it } from 'vitest';
import { DEFAULT_SIZES, parseArgs, runsFor } from '../../scripts/bench/args';
import {
  descendants,
  parentPid,
  parseClock,
  parseGnuTime,
  parseMaxRssMarker,
  vmRssKb,
} from '../../scripts/bench/process-stats';

const report = `	Command being timed: "node astro.mjs build"
	User time (seconds): 12.34
	System time (seconds): 1.50
	Percent of CPU this job got: 130%
	Elapsed (wall clock) time (h:mm:ss or m:ss): 0:10.65
	Maximum resident set size (kbytes): 1048576
	Exit status: 0`;

describe('bench: process accounting', () => {
  it('parses clock times', () => {
    expect(parseClock('0:10.65')).toBeCloseTo(10_650);
    expect(parseClock('1:02:03')).toBe(3_723_000);
    expect(parseClock('soon')).toBeUndefined();
  });

  it('reads GNU time -v', () => {
    expect(parseGnuTime(`build output\n${report}`)).toEqual({
      maxRssKb: 1_048_576,
      elapsedMs: 10_650,
      userMs: 12_340,
      systemMs: 1500,
      exitStatus: 0,
    });
    expect(parseGnuTime('no report')).toBeUndefined();
  });

  it('reads the fallback wrapper line', () => {
    expect(parseMaxRssMarker('x\nBENCH_MAX_RSS_KB 2048 3000000 500000\n')).toEqual({
      maxRssKb: 2048,
      userMs: 3000,
      systemMs: 500,
    });
    expect(parseMaxRssMarker('')).toBeUndefined();
  });
});

describe('bench: process tree memory', () => {
  it('reads the parent pid, even when the command name holds spaces and parentheses', () => {
    expect(parentPid('4242 (node) S 4200 4242 4200 0 -1')).toBe(4200);
    expect(parentPid('77 (pagefind (ext) x) R 4242 77 4200 0')).toBe(4242);
    expect(parentPid('')).toBeUndefined();
  });

  it('reads VmRSS in kilobytes', () => {
    expect(vmRssKb('Name:\tnode\nVmPeak:\t 99 kB\nVmRSS:\t  123456 kB\nThreads: 7')).toBe(123_456);
    expect(vmRssKb('Name:\tzombie\nState:\tZ')).toBeUndefined();
  });

  it('finds every descendant of a process', () => {
    const parents = new Map([
      [10, 1],
      [11, 10],
      [12, 11],
      [13, 10],
      [20, 1],
    ]);
    expect(descendants(10, parents).sort()).toEqual([10, 11, 12, 13]);
    expect(descendants(99, parents)).toEqual([99]);
  });
});

describe('bench: options', () => {
  it('has defaults', () => {
    expect(parseArgs([])).toMatchObject({ sizes: DEFAULT_SIZES, keep: false, help: false });
    expect(parseArgs([]).runs).toBeUndefined();
  });

  it('takes one size or a list, with or without =', () => {
    expect(parseArgs(['--n', '10000']).sizes).toEqual([10_000]);
    expect(parseArgs(['--n=100,1000']).sizes).toEqual([100, 1000]);
    expect(parseArgs(['--n', '10_000']).sizes).toEqual([10_000]);
    expect(parseArgs(['--runs', '5', '--seed', '9', '--keep', '--profile', '/tmp/p'])).toMatchObject({
      runs: 5,
      seed: 9,
      keep: true,
      profileDir: '/tmp/p',
    });
  });

  it('rejects bad input with a message', () => {
    expect(() => parseArgs(['--n', '0'])).toThrow(/positive whole number/);
    expect(() => parseArgs(['--n', '10,000'])).toThrow(/positive whole number/);
    expect(() => parseArgs(['--runs'])).toThrow(/--runs/);
    expect(() => parseArgs(['--fast'])).toThrow(/Unknown option/);
  });

  it('runs small sizes three times unless told otherwise', () => {
    expect(runsFor(100, undefined)).toBe(3);
    expect(runsFor(1000, undefined)).toBe(1);
    expect(runsFor(1000, 2)).toBe(2);
  });
});
