/**
 * Reads the phases of `astro build` from its log, so the benchmark can show where the time goes
 * and which kind of page grows faster than the number of articles.
 */

export interface RouteTime {
  path: string;
  ms: number;
}

export interface BuildLog {
  /** Content sync and type generation ("[types] Generated …"). */
  syncMs?: number | undefined;
  /** Vite bundling, all passes ("[vite] ✓ built in …"). */
  viteMs: number;
  /** "generating static routes": rendering every page and endpoint. */
  routesMs?: number | undefined;
  /** "generating optimized images". */
  imagesMs?: number | undefined;
  /** Whole build as Astro reports it ("… page(s) built in …"), integrations' hooks included. */
  totalMs?: number | undefined;
  pages?: number | undefined;
  /**
   * Social cards drawn in this build (not kept from an earlier one): how many, the wall time of the
   * spells of drawing summed, and the mean time to draw one.
   */
  cards?: { count: number; wallMs: number; meanMs: number } | undefined;
  /** Per-route times from the "├─ /path (+12ms)" or "(+1.25s)" lines; routes restored from a cache have none. */
  routes: RouteTime[];
}

/** Parses Astro's duration strings: "509ms", "1.38s", "2m 5s", "1m". */
export function parseDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m(?!s)\s*)?(?:(\d+(?:\.\d+)?)(ms|s))?$/.exec(text.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return undefined;
  const minutes = Number(match[1] ?? 0) * 60_000;
  const value = Number(match[2] ?? 0);
  return minutes + (match[3] === 's' ? value * 1000 : value);
}

const DURATION = String.raw`((?:\d+m(?!s)\s*)?(?:\d+(?:\.\d+)?(?:ms|s))?)`;

/** Extracts phase durations and per-route times from a build's output (colour codes removed). */
export function parseBuildLog(output: string): BuildLog {
  const log: BuildLog = { viteMs: 0, routes: [] };
  let section: 'routes' | 'images' | undefined;
  for (const line of output.split('\n')) {
    if (/generating static routes/.test(line)) section = 'routes';
    else if (/generating optimized images/.test(line)) section = 'images';
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`\\[types\\] Generated ${DURATION}`).exec(line))) log.syncMs = parseDuration(m[1]!);
    else if ((m = new RegExp(`\\[vite\\] ✓ built in ${DURATION}`).exec(line))) log.viteMs += parseDuration(m[1]!) ?? 0;
    else if ((m = /social cards: drew (\d+) in (\d+(?:\.\d+)?)s, (\d+(?:\.\d+)?)ms each/.exec(line))) {
      // A build may draw in more than one spell (each time the card route lists new cards): add them up.
      const [count, wallMs, meanMs] = [Number(m[1]), Number(m[2]) * 1000, Number(m[3])];
      const before = log.cards ?? { count: 0, wallMs: 0, meanMs: 0 };
      const total = before.count + count;
      log.cards = {
        count: total,
        wallMs: before.wallMs + wallMs,
        meanMs: Math.round(((before.meanMs * before.count + meanMs * count) / total) * 10) / 10,
      };
    } else if ((m = /[├└]─ (\S+) \(\+(\d+(?:\.\d+)?)(ms|s)\)/.exec(line)))
      log.routes.push({ path: m[1]!, ms: Number(m[2]) * (m[3] === 's' ? 1000 : 1) });
    else if ((m = new RegExp(`^\\S*\\s*✓ Completed in ${DURATION}`).exec(line.trim())) && section) {
      if (section === 'routes') log.routesMs = parseDuration(m[1]!);
      else log.imagesMs = parseDuration(m[1]!);
      section = undefined;
    } else if ((m = new RegExp(`(\\d+) page\\(s\\) built in ${DURATION}`).exec(line))) {
      log.pages = Number(m[1]);
      log.totalMs = parseDuration(m[2]!);
    }
  }
  return log;
}

/** The kinds of route a build generates, for grouping per-route times. */
export type RouteKind = 'article' | 'tag page' | 'tag feed' | 'language feed' | 'archive' | 'home' | 'other';

/** Which kind of page a built path is. */
export function routeKind(path: string): RouteKind {
  const p = path.replace(/^\/zh(?=\/)/, '');
  if (/^\/posts\/[^/]+\/(index\.html)?$/.test(p)) return 'article';
  if (/^\/tags\/[^/]+\/rss\.xml$/.test(p)) return 'tag feed';
  if (/^\/tags\/[^/]+\/(index\.html)?$/.test(p)) return 'tag page';
  if (/^\/rss\.xml$/.test(p)) return 'language feed';
  if (/^\/archive\/(index\.html)?$/.test(p)) return 'archive';
  if (/^\/(index\.html)?$/.test(p)) return 'home';
  return 'other';
}

export interface RouteGroup {
  kind: RouteKind;
  count: number;
  totalMs: number;
  /** Mean and slowest route of the kind. */
  meanMs: number;
  maxMs: number;
}

/** Route times grouped by kind, slowest total first. */
export function groupRoutes(routes: readonly RouteTime[]): RouteGroup[] {
  const groups = new Map<RouteKind, RouteTime[]>();
  for (const route of routes) {
    const kind = routeKind(route.path);
    const list = groups.get(kind);
    if (list) list.push(route);
    else groups.set(kind, [route]);
  }
  return [...groups]
    .map(([kind, list]) => {
      const totalMs = list.reduce((sum, r) => sum + r.ms, 0);
      return {
        kind,
        count: list.length,
        totalMs,
        meanMs: totalMs / list.length,
        maxMs: Math.max(...list.map((r) => r.ms)),
      };
    })
    .sort((a, b) => b.totalMs - a.totalMs);
}
