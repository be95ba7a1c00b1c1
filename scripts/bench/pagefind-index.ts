// Indexes a built site as the pagefind-index integration does once its pages are written (same
// code: shards, one Pagefind process each, two at a time), into a scratch folder with nothing kept
// from an earlier run, and prints the time it took as JSON. The benchmark runs it in a process of
// its own, so that Pagefind's time and memory can be told apart from the build's.
//   node --import tsx pagefind-index.ts <site dir> <scratch dir>
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { filesUnder } from '../../src/integrations/build-cache';
import { pagefindVersion, writeSearchIndex } from '../../src/integrations/search-index';

const [site, scratch] = process.argv.slice(2);
if (!site || !scratch) throw new Error('usage: pagefind-index.ts <site dir> <scratch dir>');
// The searchable pages are those Pagefind would index: the ones that mark data-pagefind-body.
const pages = filesUnder(site).filter(
  (path) => path.endsWith('.html') && readFileSync(join(site, path), 'utf8').includes('data-pagefind-body'),
);
const started = performance.now();
const result = await writeSearchIndex({
  dist: site,
  output: join(scratch, 'out'),
  pages,
  kept: join(scratch, 'kept'),
  stage: join(scratch, 'stage'),
  version: pagefindVersion(process.cwd()),
  // As many at once as the build runs.
  parallel: Math.min(2, availableParallelism()),
});
console.log(JSON.stringify({ ms: performance.now() - started, ...result }));
