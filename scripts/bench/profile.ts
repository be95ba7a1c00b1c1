/**
 * Summaries of a V8 CPU profile (`node --cpu-prof`): where the build spends its own time, by
 * function and by package, and how long is spent inside chosen functions including what they
 * call (to see whether a phase grows faster than the number of articles).
 */

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface Hotspot {
  name: string;
  /** Where it lives: a package, a project file, or a V8 category such as (garbage collector). */
  where: string;
  ms: number;
  share: number;
}

/** Groups a script URL: "pkg-name" for node_modules, "node:…" for Node, else the project path. */
export function locationOf(url: string, projectRoot = ''): string {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node (internals)';
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const inModules = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  if (inModules) return inModules[1]!;
  return projectRoot && path.startsWith(projectRoot) ? path.slice(projectRoot.length).replace(/^\//, '') : path;
}

/** Self time of every node in milliseconds, from the sample stream (or hit counts if absent). */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  const { samples, timeDeltas } = profile;
  if (samples && timeDeltas && samples.length === timeDeltas.length) {
    // Each delta is the time before its sample; attribute it to the sample that ends it.
    samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + timeDeltas[i]! / 1000));
  } else {
    const hits = profile.nodes.reduce((n, node) => n + (node.hitCount ?? 0), 0);
    const perHit = hits > 0 ? (profile.endTime - profile.startTime) / 1000 / hits : 0;
    for (const node of profile.nodes) self.set(node.id, (node.hitCount ?? 0) * perHit);
  }
  return self;
}

function rank(
  times: Map<string, { name: string; where: string; ms: number }>,
  total: number,
  limit: number,
): Hotspot[] {
  return [...times.values()]
    .filter((h) => h.ms > 0)
    .sort((a, b) => b.ms - a.ms)
    .slice(0, limit)
    .map((h) => ({ ...h, share: total > 0 ? h.ms / total : 0 }));
}

/** Functions with the most self time (same function at different call sites added up). */
export function topFunctions(profile: CpuProfile, limit = 20, projectRoot = ''): Hotspot[] {
  const self = selfTimes(profile);
  const byKey = new Map<string, { name: string; where: string; ms: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    total += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = locationOf(url, projectRoot);
    const name = functionName || '(anonymous)';
    const key = `${name}@${url}:${lineNumber}`;
    const entry = byKey.get(key) ?? { name, where: url ? `${where}:${lineNumber + 1}` : where, ms: 0 };
    entry.ms += ms;
    byKey.set(key, entry);
  }
  return rank(byKey, total, limit);
}

/** Self time per package or project file. */
export function topLocations(profile: CpuProfile, limit = 15, projectRoot = ''): Hotspot[] {
  const self = selfTimes(profile);
  const byWhere = new Map<string, { name: string; where: string; ms: number }>();
  let total = 0;
  for (const node of profile.nodes) {
    const ms = self.get(node.id) ?? 0;
    total += ms;
    const fn = node.callFrame.functionName;
    const where = node.callFrame.url ? locationOf(node.callFrame.url, projectRoot) : fn || '(native)';
    const entry = byWhere.get(where) ?? { name: where, where, ms: 0 };
    entry.ms += ms;
    byWhere.set(where, entry);
  }
  return rank(byWhere, total, limit);
}

/**
 * Total time (self plus callees) spent inside functions that match, counting recursive and nested
 * matches once. Use it to measure a phase, e.g. every call of a feed renderer.
 */
export function inclusiveTime(profile: CpuProfile, matches: (frame: CpuProfileNode['callFrame']) => boolean): number {
  const self = selfTimes(profile);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const childIds = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  let total = 0;
  const stack = profile.nodes.filter((n) => !childIds.has(n.id)).map((n) => ({ node: n, inside: false }));
  while (stack.length > 0) {
    const { node, inside } = stack.pop()!;
    const here = inside || matches(node.callFrame);
    if (here) total += self.get(node.id) ?? 0;
    for (const id of node.children ?? []) {
      const child = byId.get(id);
      if (child) stack.push({ node: child, inside: here });
    }
  }
  return total;
}

/** Length of the profile in milliseconds. */
export function profileDuration(profile: CpuProfile): number {
  return (profile.endTime - profile.startTime) / 1000;
}
