import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { parseBuildLog, type BuildLog } from './build-log';
import type { GeneratedArticle } from './corpus';
import { descendants, parentPid, parseGnuTime, parseMaxRssMarker, vmRssKb, type ProcessStats } from './process-stats';
import type { FileEntry } from './sizes';

/**
 * The impure half of the benchmark: writing a corpus into a copy of the site, running builds with
 * process accounting, and listing what they wrote.
 */

const here = dirname(fileURLToPath(import.meta.url));
const GNU_TIME = '/usr/bin/time';

/** True when GNU time with `-v` is available (BusyBox and BSD `time` lack it). */
export function hasGnuTime(): boolean {
  if (!existsSync(GNU_TIME)) return false;
  const probe = spawnSync(GNU_TIME, ['-v', process.execPath, '-e', ''], { encoding: 'utf8' });
  return probe.status === 0 && parseGnuTime(probe.stderr) !== undefined;
}

/**
 * A clean environment, as a CI machine would have: no variables from the shell or from a test
 * runner (SITE, BASE_URL, MODE) leak into the build, and Astro sends no telemetry mid-measurement.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '', ASTRO_TELEMETRY_DISABLED: '1' };
}

export interface Measured {
  ok: boolean;
  output: string;
  wallMs: number;
  stats?: ProcessStats | undefined;
  /** Peak of the summed RSS of the process and all its descendants, sampled from /proc. */
  treePeakRssKb?: number | undefined;
}

const read = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // The process ended between listing and reading.
  }
};

/** Current RSS of a process tree in kilobytes, from /proc; undefined where /proc is missing. */
export function treeRssKb(root: number): number | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  const parents = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parentPid(read(`/proc/${name}/stat`) ?? '');
    if (ppid !== undefined) parents.set(Number(name), ppid);
  }
  return descendants(root, parents).reduce((sum, pid) => sum + (vmRssKb(read(`/proc/${pid}/status`) ?? '') ?? 0), 0);
}

/**
 * Runs node with arguments in `cwd`, timing it and taking its peak memory from the platform (GNU
 * time, or Node's own accounting), and sampling the memory of its whole process tree.
 */
export async function measureNode(cwd: string, args: string[], gnuTime: boolean): Promise<Measured> {
  const nodeArgs = gnuTime ? args : ['--import', join(here, 'report-max-rss.mjs'), ...args];
  const [command, commandArgs] = gnuTime
    ? [GNU_TIME, ['-v', process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  const started = performance.now();
  const child = spawn(command, commandArgs, { cwd, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  let treePeakRssKb: number | undefined;
  const sample = setInterval(() => {
    const kb = child.pid === undefined ? undefined : treeRssKb(child.pid);
    if (kb !== undefined) treePeakRssKb = Math.max(treePeakRssKb ?? 0, kb);
  }, 200);
  const status = await new Promise<number | null>((done) => {
    child.on('close', (code) => done(code));
    child.on('error', () => done(null));
  });
  clearInterval(sample);
  const wallMs = performance.now() - started;
  const err = Buffer.concat(stderr).toString('utf8');
  const output = stripVTControlCharacters(`${Buffer.concat(stdout).toString('utf8')}\n${err}`);
  const stats = gnuTime ? parseGnuTime(err) : parseMaxRssMarker(err);
  return { ok: status === 0, output, wallMs, stats, treePeakRssKb };
}

export interface BuildRun extends Measured {
  log: BuildLog;
}

/** `astro build` in a copy; with `cpuProfDir`, under V8's sampling profiler. */
export async function build(dir: string, gnuTime: boolean, cpuProfDir?: string): Promise<BuildRun> {
  const profile = cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] : [];
  const run = await measureNode(dir, [...profile, join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], gnuTime);
  return { ...run, log: parseBuildLog(run.output) };
}

/** Removes build output and Astro's caches, so the next build starts cold. */
export function clearCaches(dir: string): void {
  for (const path of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) {
    rmSync(join(dir, path), { recursive: true, force: true });
  }
}

export interface PagefindRun extends Measured {
  indexMs?: number | undefined;
}

/** Indexes dist/ again, shard by shard as the build does, in a process of its own, into a scratch folder. */
export async function indexWithPagefind(dir: string, gnuTime: boolean): Promise<PagefindRun> {
  const scratch = join(dir, '.bench-pagefind');
  rmSync(scratch, { recursive: true, force: true });
  const script = join(here, 'pagefind-index.ts');
  const run = await measureNode(dir, ['--import', 'tsx', script, join(dir, 'dist'), scratch], gnuTime);
  rmSync(scratch, { recursive: true, force: true });
  const json = /^\{"ms":.*\}$/m.exec(run.output)?.[0];
  return { ...run, indexMs: json ? (JSON.parse(json) as { ms: number }).ms : undefined };
}

/** Writes generated articles under content/posts of a copy. */
export function writeCorpus(dir: string, articles: readonly GeneratedArticle[]): void {
  for (const article of articles) {
    const file = join(dir, 'content/posts', article.path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, article.content);
  }
}

/** Every file under a folder with its size, paths relative to it with forward slashes. */
export function listFiles(root: string): FileEntry[] {
  const files: FileEntry[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile())
        files.push({ path: relative(root, path).split(sep).join('/'), bytes: statSync(path).size });
    }
  };
  walk(root);
  return files;
}
