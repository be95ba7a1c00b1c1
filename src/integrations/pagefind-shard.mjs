// Indexes one folder of pages with Pagefind and writes the index. Run by search-index.ts, one
// process per shard: Pagefind's Node API drives a single indexer per process, so this is what lets
// two shards be indexed at once.
//   node pagefind-shard.mjs <pages folder> <output folder>
// Prints {"pages": <count>} on success; on failure, exits with 1 and says why on stderr.
import * as pagefind from 'pagefind';

const [pages, output] = process.argv.slice(2);
if (!pages || !output) {
  console.error('usage: pagefind-shard.mjs <pages folder> <output folder>');
  process.exit(2);
}
try {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`could not start: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: pages });
  if (added.errors.length > 0) throw new Error(`could not index the pages: ${added.errors.join('; ')}`);
  const written = await index.writeFiles({ outputPath: output });
  if (written.errors.length > 0) throw new Error(`could not write its index: ${written.errors.join('; ')}`);
  process.stdout.write(JSON.stringify({ pages: added.page_count }));
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await pagefind.close();
}
