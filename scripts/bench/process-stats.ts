/**
 * Process accounting for the benchmark: the resource report of GNU time (`/usr/bin/time -v`), the
 * platform's own accounting for a process and the children it waited for, and helpers to add up
 * the memory of a whole process tree from /proc. GNU time reports the largest single process: the
 * build process, or a Pagefind indexer it started if one peaks higher. The indexers run while the
 * build still holds its memory, so the machine needs the sum, which the tree figure gives.
 */

export interface ProcessStats {
  /** Peak resident set size of the process, or of its largest child, in kilobytes. */
  maxRssKb: number;
  elapsedMs?: number | undefined;
  /** CPU time in user and kernel mode, all threads and waited-for children together. */
  userMs?: number | undefined;
  systemMs?: number | undefined;
  exitStatus?: number | undefined;
}

/** Parses "h:mm:ss" or "m:ss.ss" as milliseconds. */
export function parseClock(text: string): number | undefined {
  const parts = text.trim().split(':').map(Number);
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => Number.isNaN(p))) return undefined;
  return parts.reduce((total, part) => total * 60 + part, 0) * 1000;
}

/** The figures of a `/usr/bin/time -v` report, or undefined when the text holds none. */
export function parseGnuTime(stderr: string): ProcessStats | undefined {
  const field = (label: string) => {
    const escaped = label.replace(/[()]/g, '\\$&');
    return new RegExp(`^\\s*${escaped}: (.+)$`, 'm').exec(stderr)?.[1]?.trim();
  };
  const rss = field('Maximum resident set size (kbytes)');
  if (rss === undefined) return undefined;
  const seconds = (label: string) => {
    const value = field(label);
    return value === undefined ? undefined : Math.round(Number(value) * 1000);
  };
  const wall = field('Elapsed (wall clock) time (h:mm:ss or m:ss)');
  const exit = field('Exit status');
  return {
    maxRssKb: Number(rss),
    elapsedMs: wall === undefined ? undefined : parseClock(wall),
    userMs: seconds('User time (seconds)'),
    systemMs: seconds('System time (seconds)'),
    exitStatus: exit === undefined ? undefined : Number(exit),
  };
}

/** The marker line that the fallback wrapper (report-max-rss.mjs) prints on exit. */
export const MAX_RSS_MARKER = 'BENCH_MAX_RSS_KB';

/** Reads the fallback wrapper's line: Node's own maxRSS of the build process, in kilobytes. */
export function parseMaxRssMarker(output: string): ProcessStats | undefined {
  const match = new RegExp(`${MAX_RSS_MARKER} (\\d+) (\\d+) (\\d+)`).exec(output);
  if (!match) return undefined;
  return { maxRssKb: Number(match[1]), userMs: Number(match[2]) / 1000, systemMs: Number(match[3]) / 1000 };
}

/** The parent pid in a /proc/<pid>/stat line (the command name may contain spaces and parentheses). */
export function parentPid(stat: string): number | undefined {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ppid = Number(fields[1]);
  return Number.isInteger(ppid) ? ppid : undefined;
}

/** VmRSS of a /proc/<pid>/status text, in kilobytes (absent for zombies and kernel threads). */
export function vmRssKb(status: string): number | undefined {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) : undefined;
}

/** A process and all its descendants, given each process's parent. */
export function descendants(root: number, parents: ReadonlyMap<number, number>): number[] {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents) {
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  const tree: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}
