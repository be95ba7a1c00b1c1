import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

export interface Server {
  url: string;
  stop: () => Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.wasm': 'application/wasm',
};

/**
 * Serves a built site the way a static host does: directory indexes, and the nearest 404.html
 * (zh/404.html under /zh/). Tests use this rather than `astro preview`, which allows only one
 * server per project and would clash with a reader's running `npm start`.
 */
export async function serveDist(dir: string, base = '/'): Promise<Server> {
  const trimmed = base.replace(/\/+$/, '');
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const rel = trimmed && path.startsWith(trimmed) ? path.slice(trimmed.length) : path;
    const candidates = rel.endsWith('/') ? [`${rel}index.html`] : [rel, `${rel}/index.html`];
    for (const candidate of candidates) {
      const file = join(dir, normalize(candidate));
      if (file.startsWith(dir) && existsSync(file) && statSync(file).isFile()) {
        res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
        res.end(await readFile(file));
        return;
      }
    }
    const localized = rel.split('/')[1];
    const notFound = [join(dir, localized ?? '', '404.html'), join(dir, '404.html')].find((f) => existsSync(f));
    res.writeHead(404, { 'Content-Type': types['.html']! });
    res.end(notFound ? await readFile(notFound) : 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${trimmed}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
