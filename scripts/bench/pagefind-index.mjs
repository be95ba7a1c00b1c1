// Indexes a built site with Pagefind's Node API, as the pagefind-index integration does during a
// build, and prints the time it took as JSON. Run by the benchmark in its own process so that
// GNU time can account for Pagefind's memory separately.
//   node pagefind-index.mjs <site dir> <output dir>
import * as pagefind from 'pagefind';

const [site, output] = process.argv.slice(2);
const started = performance.now();
const { index, errors } = await pagefind.createIndex({});
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
const added = await index.addDirectory({ path: site });
const written = await index.writeFiles({ outputPath: output });
await pagefind.close();
const problems = [...added.errors, ...written.errors];
if (problems.length > 0) throw new Error(`Pagefind failed: ${problems.join('; ')}`);
console.log(JSON.stringify({ ms: performance.now() - started, pages: added.page_count }));
