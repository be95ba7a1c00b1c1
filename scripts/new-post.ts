/**
 * npm run new -- "Title" [--lang en|zh] [--slug my-slug] [--tags a,b]
 * Creates content/posts/<lang>/<slug>.md as a draft with valid front matter and today's date.
 * It never replaces an existing file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isLocale } from '../src/lib/i18n/locales';
import { newPost } from '../src/lib/new-post';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { lang: { type: 'string', default: 'en' }, slug: { type: 'string' }, tags: { type: 'string' } },
  });
  const lang = values.lang;
  if (!isLocale(lang)) {
    console.error(`--lang must be en or zh, got "${lang}"`);
    return 2;
  }
  try {
    const post = newPost({
      title: positionals.join(' '),
      locale: lang,
      today: new Date().toISOString().slice(0, 10),
      slug: values.slug,
      tags: values.tags?.split(',').map((t) => t.trim()),
    });
    const file = resolve(post.path);
    mkdirSync(dirname(file), { recursive: true });
    try {
      // 'wx' fails if the file exists, so an author's article can never be replaced.
      writeFileSync(file, post.content, { flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        console.error(`${post.path} already exists and was left untouched. Choose another title or pass --slug.`);
        return 1;
      }
      throw error;
    }
    console.log(`Created ${post.path} (a draft: set draft: false to publish).`);
    return 0;
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
}

process.exitCode = main();
