/**
 * `npm run bench`: builds a temporary copy of the site with N synthetic articles and reports build
 * time, peak memory, search index size, output size, rebuild time and page weight, so that cost
 * can be compared across sizes and changes. Nothing generated is written into the project.
 * Options: `npm run bench -- --help`.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copySite, removeSite } from '../tests/helpers/site-copy';
import { parseArgs, runsFor, USAGE, type BenchOptions } from './bench/args';
import { groupRoutes, type BuildLog, type RouteGroup } from './bench/build-log';
import { editArticle, generateCorpus, type GeneratedArticle } from './bench/corpus';
import { inclusiveTime, profileDuration, topFunctions, topLocations, type CpuProfile } from './bench/profile';
import {
  build,
  clearCaches,
  hasGnuTime,
  indexWithPagefind,
  listFiles,
  writeCorpus,
  type BuildRun,
} from './bench/runner';
import {
  pageWeight,
  pagefindFootprint,
  totals,
  type PageWeight,
  type PagefindFootprint,
  type Totals,
} from './bench/sizes';
import { formatBytes, formatNumber, formatSeconds, median, perThousand } from './bench/stats';
import { formatTable, type Column } from './bench/table';

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

interface SizeResult {
  n: number;
  articles: number;
  runs: number;
  htmlPages: number;
  coldMs: number;
  coldRssKb?: number | undefined;
  /** Summed over the build and the processes it starts (Pagefind's indexer), sampled. */
  coldTreeRssKb?: number | undefined;
  coldCpuMs?: number | undefined;
  rebuildMs: number;
  rebuildRssKb?: number | undefined;
  rebuildCpuMs?: number | undefined;
  /** A build after the rebuild with nothing changed: the incremental build's fixed cost. */
  unchangedMs: number;
  pagefindMs?: number | undefined;
  pagefindRssKb?: number | undefined;
  pagefind: PagefindFootprint;
  dist: Totals;
  log: BuildLog;
  rebuildLog: BuildLog;
  unchangedLog: BuildLog;
  routes: RouteGroup[];
  weight: { en?: TypicalPage | undefined; zh?: TypicalPage | undefined };
}

interface TypicalPage {
  path: string;
  weight: PageWeight;
}

const progress = (message: string) => process.stderr.write(`${message}\n`);

function fail(what: string, run: BuildRun): never {
  const rss = run.stats ? `, peak RSS ${formatBytes(run.stats.maxRssKb * 1024)}` : '';
  const tail = run.output
    .split('\n')
    .filter((line) => line.trim() && !/Command being timed|^\s+\w[\w ()/:-]*: /.test(line))
    .slice(-15)
    .join('\n');
  throw new Error(`${what} failed after ${formatSeconds(run.wallMs)}${rss}:\n${tail}`);
}

const medianOf = (values: (number | undefined)[]) => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? median(known) : undefined;
};

/** CPU time of a run (user and system, all threads): steadier than wall time on a busy machine. */
const cpuMs = (run: BuildRun) =>
  run.stats?.userMs === undefined ? undefined : run.stats.userMs + (run.stats.systemMs ?? 0);

/** The article page of median HTML size among generated articles of a language. */
function typicalPage(dist: string, corpus: readonly GeneratedArticle[], locale: 'en' | 'zh'): TypicalPage | undefined {
  const pages = corpus
    .filter((a) => a.meta.locale === locale)
    .map((a) => `${locale === 'zh' ? '/zh' : ''}/posts/${a.meta.slug}/`)
    .map((path) => ({ path, file: join(dist, path, 'index.html') }))
    .filter((p) => existsSync(p.file))
    .map((p) => ({ ...p, bytes: statSync(p.file).size }))
    .sort((a, b) => a.bytes - b.bytes);
  const typical = pages[Math.floor(pages.length / 2)];
  if (!typical) return undefined;
  const read = (path: string) => {
    const file = join(dist, path.endsWith('/') ? `${path}index.html` : path);
    return existsSync(file) && statSync(file).isFile() ? readFileSync(file) : undefined;
  };
  return { path: typical.path, weight: pageWeight(readFileSync(typical.file, 'utf8'), typical.path, read) };
}

async function benchSize(n: number, options: BenchOptions, gnuTime: boolean): Promise<SizeResult> {
  const generated = performance.now();
  const corpus = generateCorpus(n, options.seed);
  progress(`N=${n}: generated ${n} articles in ${formatSeconds(performance.now() - generated)}`);
  const dir = copySite('blog-bench-', options.root ?? projectRoot);
  try {
    const realArticles = ['en', 'zh']
      .flatMap((l) => readdirSync(join(dir, 'content/posts', l)))
      .filter((f) => /\.mdx?$/.test(f)).length;
    writeCorpus(dir, corpus);
    const target = corpus.find((a) => a.meta.locale === 'en' && a.meta.ext === 'md' && a.meta.index >= n / 2);
    if (!target) throw new Error('no English Markdown article to edit for the rebuild');
    const targetFile = join(dir, 'content/posts', target.path);

    const runs = runsFor(n, options.runs);
    const cold: BuildRun[] = [];
    const rebuild: BuildRun[] = [];
    const unchanged: BuildRun[] = [];
    const pagefindRuns: Awaited<ReturnType<typeof indexWithPagefind>>[] = [];
    let first: Pick<SizeResult, 'htmlPages' | 'pagefind' | 'dist' | 'weight'> | undefined;
    for (let run = 1; run <= runs; run++) {
      progress(`N=${n}: cold build ${run}/${runs}…`);
      clearCaches(dir);
      const c = await build(dir, gnuTime);
      if (!c.ok) fail(`Cold build at N=${n}`, c);
      cold.push(c);
      if (!first) {
        const distDir = join(dir, 'dist');
        const files = listFiles(distDir);
        first = {
          htmlPages: files.filter((f) => f.path.endsWith('.html') && !f.path.startsWith('pagefind/')).length,
          pagefind: pagefindFootprint(files),
          dist: totals(files),
          weight: { en: typicalPage(distDir, corpus, 'en'), zh: typicalPage(distDir, corpus, 'zh') },
        };
      }
      progress(`N=${n}: Pagefind on the built site ${run}/${runs}…`);
      const p = await indexWithPagefind(dir, gnuTime);
      if (!p.ok) throw new Error(`Pagefind at N=${n} failed:\n${p.output}`);
      pagefindRuns.push(p);
      writeFileSync(
        targetFile,
        editArticle(readFileSync(targetFile, 'utf8'), `An update in run ${run}: the figures above were checked again.`),
      );
      progress(`N=${n}: rebuild after editing ${target.path} ${run}/${runs}…`);
      const r = await build(dir, gnuTime);
      if (!r.ok) fail(`Rebuild at N=${n}`, r);
      rebuild.push(r);
      progress(`N=${n}: build with nothing changed ${run}/${runs}…`);
      const u = await build(dir, gnuTime);
      if (!u.ok) fail(`Build with nothing changed at N=${n}`, u);
      unchanged.push(u);
    }
    if (options.profileDir) await profileBuild(dir, n, options.profileDir, gnuTime);

    // Phases and route times come from the run with the median wall time.
    const middle = <T extends { wallMs: number }>(list: T[]) =>
      [...list].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(list.length / 2)]!;
    const representative = middle(cold);
    return {
      n,
      articles: n + realArticles,
      runs,
      ...first!,
      coldMs: medianOf(cold.map((r) => r.wallMs))!,
      coldRssKb: medianOf(cold.map((r) => r.stats?.maxRssKb)),
      coldTreeRssKb: medianOf(cold.map((r) => r.treePeakRssKb)),
      coldCpuMs: medianOf(cold.map(cpuMs)),
      rebuildMs: medianOf(rebuild.map((r) => r.wallMs))!,
      rebuildRssKb: medianOf(rebuild.map((r) => r.stats?.maxRssKb)),
      rebuildCpuMs: medianOf(rebuild.map(cpuMs)),
      pagefindMs: medianOf(pagefindRuns.map((r) => r.indexMs)),
      pagefindRssKb: medianOf(pagefindRuns.map((r) => r.treePeakRssKb ?? r.stats?.maxRssKb)),
      log: representative.log,
      rebuildLog: middle(rebuild).log,
      unchangedMs: medianOf(unchanged.map((r) => r.wallMs))!,
      unchangedLog: middle(unchanged).log,
      routes: groupRoutes(representative.log.routes),
    };
  } finally {
    if (options.keep) progress(`N=${n}: kept the copy at ${dir}`);
    else removeSite(dir);
  }
}

/** One more cold build under `node --cpu-prof`, and a summary of where its time went. */
async function profileBuild(dir: string, n: number, profileDir: string, gnuTime: boolean): Promise<void> {
  const out = resolve(profileDir, `n${n}`);
  progress(`N=${n}: profiled cold build into ${out}…`);
  clearCaches(dir);
  const run = await build(dir, gnuTime, out);
  if (!run.ok) fail(`Profiled build at N=${n}`, run);
  const file = readdirSync(out)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(out, f))
    .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!file) return;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
  const cols: Column[] = [
    { header: 'self time' },
    { header: 'ms', align: 'right' },
    { header: 'share', align: 'right' },
  ];
  console.log(
    `\n### CPU profile, N = ${formatNumber(n)} (${formatSeconds(profileDuration(profile))} sampled; ${file})\n`,
  );
  console.log(
    formatTable(
      cols,
      topLocations(profile, 15, dir).map((h) => [h.where, formatNumber(h.ms), pct(h.share)]),
    ),
  );
  console.log();
  console.log(
    formatTable(
      [
        { header: 'function' },
        { header: 'where' },
        { header: 'self ms', align: 'right' },
        { header: 'share', align: 'right' },
      ],
      topFunctions(profile, 25, dir).map((h) => [h.name, h.where, formatNumber(h.ms), pct(h.share)]),
    ),
  );
  // Self time of the libraries behind each phase, and time inside (self plus callees) functions
  // the performance work cares about. Async continuations are attributed to the innermost async
  // function, so inclusive times of async functions such as the feed renderers are lower bounds.
  const locations = topLocations(profile, Number.MAX_SAFE_INTEGER, dir);
  const selfOf = (pattern: RegExp) => locations.filter((h) => pattern.test(h.where)).reduce((sum, h) => sum + h.ms, 0);
  const rows: [string, number][] = [
    ['self: Shiki (@shikijs/*, Oniguruma WebAssembly)', selfOf(/shiki|^wasm:/)],
    ['self: Markdown (satteri, hast/mdast utilities)', selfOf(/satteri|^(hast|mdast|unist|micromark)/)],
    ['self: feed XML (@astrojs/rss, fast-xml-*)', selfOf(/^@astrojs\/rss$|^fast-xml/)],
    ['self: content store (devalue)', selfOf(/^devalue$/)],
    ['self: schema validation (zod)', selfOf(/^zod$/)],
    ['self: garbage collector', selfOf(/^\(garbage collector\)$/)],
    ['self: idle (waiting on Pagefind, Rolldown threads, disk)', selfOf(/^\(idle\)$/)],
    ['inclusive: Shiki codeToHast', inclusiveTime(profile, (f) => f.functionName === 'codeToHast')],
    [
      'inclusive: Shiki highlighter creation',
      inclusiveTime(profile, (f) => /^(createHighlighter|createShikiHighlighter)/.test(f.functionName)),
    ],
    ['inclusive: getCollection', inclusiveTime(profile, (f) => f.functionName === 'getCollection')],
    ['inclusive: buildPostIndex', inclusiveTime(profile, (f) => f.functionName === 'buildPostIndex')],
    ['inclusive: feedDocument', inclusiveTime(profile, (f) => f.functionName === 'feedDocument')],
  ];
  console.log();
  console.log(
    formatTable(
      [{ header: 'phase' }, { header: 'ms', align: 'right' }],
      rows.map(([label, ms]) => [label, formatNumber(ms)]),
    ),
  );
}

const mb = (kb: number | undefined) => (kb === undefined ? 'n/a' : formatBytes(kb * 1024));
const sec = (ms: number | undefined) => (ms === undefined ? 'n/a' : formatSeconds(ms));

function printResults(results: SizeResult[], gnuTime: boolean): void {
  console.log('\n### Build\n');
  console.log(
    formatTable(
      [
        { header: 'N', align: 'right' },
        { header: 'articles', align: 'right' },
        { header: 'runs', align: 'right' },
        { header: 'HTML pages', align: 'right' },
        { header: 'cold build', align: 'right' },
        { header: 'ms/article', align: 'right' },
        { header: 'pages/s', align: 'right' },
        { header: 'peak RSS: build process', align: 'right' },
        { header: 'peak RSS: all processes', align: 'right' },
        { header: 'CPU time', align: 'right' },
        { header: 'rebuild (1 edit)', align: 'right' },
        { header: 'rebuild CPU', align: 'right' },
        { header: 'speed-up', align: 'right' },
        { header: 'nothing changed', align: 'right' },
        { header: 'its speed-up', align: 'right' },
      ],
      results.map((r) => [
        formatNumber(r.n),
        formatNumber(r.articles),
        String(r.runs),
        formatNumber(r.htmlPages),
        sec(r.coldMs),
        formatNumber(r.coldMs / r.articles, 1),
        formatNumber(r.htmlPages / (r.coldMs / 1000), 0),
        mb(r.coldRssKb),
        mb(r.coldTreeRssKb),
        sec(r.coldCpuMs),
        sec(r.rebuildMs),
        sec(r.rebuildCpuMs),
        `${(r.coldMs / r.rebuildMs).toFixed(1)}×`,
        sec(r.unchangedMs),
        `${(r.coldMs / r.unchangedMs).toFixed(1)}×`,
      ]),
    ),
  );

  console.log('\n### Search index and output\n');
  console.log(
    formatTable(
      [
        { header: 'N', align: 'right' },
        { header: 'Pagefind time', align: 'right' },
        { header: 'Pagefind RSS', align: 'right' },
        { header: 'indexed pages', align: 'right' },
        { header: 'shards', align: 'right' },
        { header: 'index size', align: 'right' },
        { header: 'index files', align: 'right' },
        { header: 'size / 1k pages', align: 'right' },
        { header: 'files / 1k pages', align: 'right' },
        { header: 'pagefind/ total', align: 'right' },
        { header: 'dist/', align: 'right' },
        { header: 'dist/ files', align: 'right' },
      ],
      results.map((r) => [
        formatNumber(r.n),
        sec(r.pagefindMs),
        mb(r.pagefindRssKb),
        formatNumber(r.pagefind.indexedPages),
        formatNumber(r.pagefind.shards),
        formatBytes(r.pagefind.index.bytes),
        formatNumber(r.pagefind.index.files),
        formatBytes(perThousand(r.pagefind.index.bytes, r.pagefind.indexedPages)),
        formatNumber(perThousand(r.pagefind.index.files, r.pagefind.indexedPages)),
        `${formatBytes(r.pagefind.all.bytes)} (${formatNumber(r.pagefind.all.files)} files)`,
        formatBytes(r.dist.bytes),
        formatNumber(r.dist.files),
      ]),
    ),
  );

  console.log('\n### Where the time goes (from the build log)\n');
  console.log(
    formatTable(
      [
        { header: 'N', align: 'right' },
        { header: 'build' },
        { header: 'start-up', align: 'right' },
        { header: 'content sync', align: 'right' },
        { header: 'Vite bundles', align: 'right' },
        { header: 'routes', align: 'right' },
        { header: 'images', align: 'right' },
        { header: 'post-build hooks', align: 'right' },
        { header: 'social cards drawn (wall; each)', align: 'right' },
        { header: 'ms/article: sync', align: 'right' },
        { header: 'ms/article: routes', align: 'right' },
      ],
      results.flatMap((r) =>
        (
          [
            ['cold', r.log, r.coldMs],
            ['rebuild', r.rebuildLog, r.rebuildMs],
            ['nothing changed', r.unchangedLog, r.unchangedMs],
          ] as const
        ).map(([label, log, wallMs]) => {
          const { syncMs = 0, viteMs, routesMs = 0, imagesMs = 0, totalMs } = log;
          const hooks = totalMs === undefined ? undefined : totalMs - syncMs - viteMs - routesMs - imagesMs;
          return [
            formatNumber(r.n),
            label,
            sec(totalMs === undefined ? undefined : wallMs - totalMs),
            sec(syncMs),
            sec(viteMs),
            sec(routesMs),
            sec(imagesMs),
            sec(hooks),
            log.cards
              ? `${formatNumber(log.cards.count)} (${sec(log.cards.wallMs)}; ${formatNumber(log.cards.meanMs, 1)} ms)`
              : '',
            formatNumber(syncMs / r.articles, 2),
            formatNumber(routesMs / r.articles, 2),
          ];
        }),
      ),
    ),
  );

  const kinds = [...new Set(results.flatMap((r) => r.routes.map((g) => g.kind)))];
  console.log('\n### Mean time per route, by kind (ms; count in brackets): flat rows mean linear cost\n');
  console.log(
    formatTable(
      [
        { header: 'route kind' },
        ...results.map((r) => ({ header: `N = ${formatNumber(r.n)}`, align: 'right' as const })),
      ],
      kinds.map((kind) => [
        kind,
        ...results.map((r) => {
          const g = r.routes.find((x) => x.kind === kind);
          return g ? `${formatNumber(g.meanMs, 1)} (${formatNumber(g.count)})` : '';
        }),
      ]),
    ),
  );

  const last = results.at(-1);
  for (const locale of ['en', 'zh'] as const) {
    const page = last?.weight[locale];
    if (!page) continue;
    const w = page.weight;
    console.log(`\n### Page weight of a typical ${locale === 'en' ? 'English' : 'Chinese'} article (${page.path})\n`);
    console.log(
      formatTable(
        [
          { header: 'resource' },
          { header: 'files', align: 'right' },
          { header: 'raw', align: 'right' },
          { header: 'gzip', align: 'right' },
        ],
        [
          ['HTML', w.html, `inline CSS ${formatBytes(w.inline.css)}, inline JS ${formatBytes(w.inline.js)}`] as const,
          ['CSS', w.css] as const,
          ['JS (loaded with the page)', w.js] as const,
          ['fonts (system fonts: none)', w.fonts] as const,
          ['images', w.images] as const,
          ['total', w.total] as const,
        ].map(([name, weight, note]) => [
          note ? `${name} (${note})` : name,
          String(weight.files),
          formatBytes(weight.raw),
          formatBytes(weight.gzip),
        ]),
      ),
    );
  }

  console.log('\n### Targets (2-core machine)\n');
  const at = (n: number) => results.find((r) => r.n === n);
  const lines: string[] = [];
  const k1 = at(1000);
  if (k1) lines.push(`1,000 articles in at most 20 s: ${sec(k1.coldMs)} ${k1.coldMs <= 20_000 ? 'PASS' : 'FAIL'}`);
  const k10 = at(10_000);
  if (k10) {
    lines.push(`10,000 articles in at most 150 s: ${sec(k10.coldMs)} ${k10.coldMs <= 150_000 ? 'PASS' : 'FAIL'}`);
    // 3 GB = 3·10⁹ bytes, in the kilobytes (KiB) that process accounting reports.
    const limitKb = 3e9 / 1024;
    const own = k10.coldRssKb ?? 0;
    const all = Math.max(own, k10.coldTreeRssKb ?? 0);
    // What /usr/bin/time reports as the maximum resident set size: the largest single process (the
    // build's own here); the sum adds the Pagefind indexers running beside it.
    if (own > 0)
      lines.push(`10,000 articles under 3 GB peak (largest process): ${mb(own)} ${own < limitKb ? 'PASS' : 'FAIL'}`);
    if (all > 0)
      lines.push(`10,000 articles under 3 GB peak (all processes): ${mb(all)} ${all < limitKb ? 'PASS' : 'FAIL'}`);
  }
  for (const r of results) {
    const speedup = r.coldMs / r.rebuildMs;
    // A build with nothing to do still starts Astro, syncs, bundles and restores every page: no
    // rebuild can be faster, so its speed-up is the most that one edit could reach.
    lines.push(
      `rebuild at least 3× faster, N = ${formatNumber(r.n)}: ${speedup.toFixed(1)}× ${speedup >= 3 ? 'PASS' : 'FAIL'}` +
        ` (with nothing changed: ${sec(r.unchangedMs)}, ${(r.coldMs / r.unchangedMs).toFixed(1)}×)`,
    );
  }
  console.log(lines.map((l) => `- ${l}`).join('\n'));
  if (!gnuTime) console.log('\nPeak memory from Node’s own accounting (no /usr/bin/time): the build process only.');
}

function environment(root: string, gnuTime: boolean): string {
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    // Not a git checkout: the commit is only informative.
  }
  const cpu = cpus();
  return [
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${formatBytes(totalmem())} RAM`,
    `${root} at commit ${commit}; peak memory from ${gnuTime ? '/usr/bin/time -v' : 'process.resourceUsage() (build process only)'}`,
  ].join('\n');
}

async function main(): Promise<void> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const gnuTime = hasGnuTime();
  console.log(`## Benchmark (seed ${options.seed})\n\n${environment(options.root ?? projectRoot, gnuTime)}`);
  const results: SizeResult[] = [];
  const failures: string[] = [];
  for (const n of options.sizes) {
    try {
      results.push(await benchSize(n, options, gnuTime));
    } catch (error) {
      // A size that fails (out of memory, for example) is a finding: report it with the others.
      failures.push(`N = ${formatNumber(n)}: ${(error as Error).message}`);
      progress(failures.at(-1)!);
    }
  }
  if (results.length > 0) printResults(results, gnuTime);
  if (failures.length > 0) {
    console.log(`\n### Failed\n\n${failures.map((f) => `- ${f.replace(/\n/g, '\n    ')}`).join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
