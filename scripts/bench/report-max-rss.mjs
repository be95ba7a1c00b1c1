// Preloaded with `node --import` when /usr/bin/time is missing: on exit, prints the process's peak
// RSS (kilobytes) and CPU time (microseconds) from Node's own resource accounting. It sees only
// the Node process, not helpers it starts (Pagefind's indexer), so it is a lower bound.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nBENCH_MAX_RSS_KB ${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}\n`);
});
