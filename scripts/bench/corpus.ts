import { countText } from '../../src/lib/reading-time';
import { createRandom, type Random } from './random';
import { codeBlock, SNIPPET_LANGS } from './snippets';
import * as v from './vocabulary';

/**
 * A synthetic corpus shaped like the blog's real articles: valid front matter, 1,200–1,800 words
 * (Chinese: the same reading time in characters), several ## and ### sections, lists, a GFM
 * table, code blocks in several languages, links to other articles and a closing Sources section.
 *
 * Every article draws from its own random stream, seeded from the corpus seed and its index, and
 * links only to articles before it. So the first 1,000 articles of a 5,000-article corpus are the
 * same 1,000 articles as a 1,000-article corpus, and sizes compare like with like.
 */

export type Locale = 'en' | 'zh';

export interface ArticleMeta {
  index: number;
  locale: Locale;
  slug: string;
  ext: 'md' | 'mdx';
  title: string;
  description: string;
  /** YAML scalars, written as they appear in front matter. */
  pubDate: string;
  updatedDate?: string | undefined;
  tags: string[];
}

export interface GeneratedArticle {
  /** Path relative to content/posts, e.g. "en/cold-starts-on-fargate.md". */
  path: string;
  meta: ArticleMeta;
  content: string;
}

/** Share of articles written in Chinese, and of those, the share that translate an English one. */
export const ZH_SHARE = 0.1;
export const ZH_TRANSLATION_SHARE = 0.5;
/** Share of articles written as MDX with a component, as some real articles are. */
export const MDX_SHARE = 0.05;

/** English articles aim for this many words, Chinese ones for this many Han characters. */
export const EN_WORDS = { min: 1200, max: 1800 } as const;
export const ZH_CHARS = { min: 1900, max: 2900 } as const;

const FIRST_DAY = Date.UTC(2014, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY = 86_400_000;

/** Mixes the corpus seed, an article index and a stream number into one 32-bit seed. */
export function seedFor(seed: number, index: number, stream: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const part of [index, stream]) {
    h = Math.imul(h ^ part, 0x85ebca6b) >>> 0;
    h = (h ^ (h >>> 13)) >>> 0;
    h = Math.imul(h, 0xc2b2ae35) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
  }
  return h;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "a" or "an" before a word, by its first letter (good enough for this vocabulary). */
const an = (word: string) => `${/^[aeiou]/i.test(word) ? 'an' : 'a'} ${word}`;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Lower-case hyphenated slug from English words, at most `words` words long. */
export function slugify(text: string, words = 7): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .slice(0, words)
    .join('-');
}

function englishTitle(rng: Random): string {
  const platform = rng.pick(v.PLATFORMS);
  const other = rng.pick(v.PLATFORMS.filter((p) => !p.endsWith(platform.replace(/^AWS /, ''))));
  const [verb] = rng.pick(v.VERBS);
  switch (rng.int(0, 6)) {
    case 0:
      return `${cap(rng.pick(v.TOPICS))} on ${platform}: what we learned in ${rng.int(2, 36)} months`;
    case 1:
      return `How to ${verb} the ${rng.pick(v.NOUNS)} on ${platform}`;
    case 2:
      return `${platform} or ${other} for ${rng.pick(v.WORKLOADS)}`;
    case 3:
      return `A practical guide to ${rng.pick(v.TOPICS)} with ${rng.pick(v.SERVICES)}`;
    case 4:
      return `${rng.int(3, 12)} lessons from running ${rng.pick(v.WORKLOADS)} on ${platform}`;
    case 5:
      return `Why your ${rng.pick(v.NOUNS)} ${rng.pick(v.VERBS)[1]} your ${rng.pick(v.NOUNS)}`;
    default:
      return `${cap(rng.pick(v.ADJECTIVES))} ${rng.pick(v.NOUNS)}s and ${rng.pick(v.TOPICS)} on ${platform}`;
  }
}

function chineseTitle(rng: Random): string {
  const platform = rng.pick(['Lambda', 'Fargate', 'ECS', 'EKS']);
  switch (rng.int(0, 3)) {
    case 0:
      return `${platform} 上的${rng.pick(v.ZH_TOPICS)}：${rng.int(2, 36)} 个月的实践总结`;
    case 1:
      return `${rng.pick(v.ZH_SCENARIOS)}该用 Lambda 还是 Fargate`;
    case 2:
      return `无服务器与容器：${rng.pick(v.ZH_TOPICS)}实战`;
    default:
      return `如何降低${rng.pick(v.ZH_SUBJECTS)}的${rng.pick(v.ZH_OBJECTS)}`;
  }
}

function nounPhrase(rng: Random): string {
  switch (rng.int(0, 7)) {
    case 0:
      return `the ${rng.pick(v.ADJECTIVES)} ${rng.pick(v.NOUNS)}`;
    case 1:
      return `${an(rng.pick(v.ADJECTIVES))} ${rng.pick(v.NOUNS)}`;
    case 2:
      return rng.pick(v.SERVICES);
    case 3:
      return `every ${rng.pick(v.NOUNS)}`;
    case 4:
      return `your ${rng.pick(v.NOUNS)}`;
    case 5:
      return rng.pick(v.PLATFORMS);
    case 6:
      return `the ${rng.pick(v.NOUNS)} of ${rng.pick(v.PLATFORMS)}`;
    default:
      return `the ${rng.pick(v.NOUNS)}`;
  }
}

/** An identifier in backticks: the long tail of names that real articles mention once. */
function identifier(rng: Random): string {
  const [base] = rng.pick(v.VERBS);
  const noun = slugify(rng.pick(v.NOUNS), 2);
  return `\`${noun}-${base}-${String(rng.int(1, 999)).padStart(3, '0')}\``;
}

function englishSentence(rng: Random): string {
  const s = () => nounPhrase(rng);
  const verb = () => rng.pick(v.VERBS);
  const object = () => (rng.chance(0.12) ? `**${nounPhrase(rng)}**` : nounPhrase(rng));
  switch (rng.int(0, 11)) {
    case 0:
      return `${cap(s())} ${verb()[1]} ${object()} ${rng.pick(v.QUALIFIERS)}.`;
    case 1:
      return `When ${s()} ${verb()[1]} ${object()}, ${s()} can ${verb()[0]} ${object()}.`;
    case 2:
      return `In practice, ${s()} ${verb()[1]} ${object()}, which ${verb()[1]} ${object()} ${rng.pick(v.QUALIFIERS)}.`;
    case 3:
      return `${rng.pick(v.PLATFORMS)} ${verb()[1]} ${object()} only if ${s()} ${verb()[1]} ${object()}.`;
    case 4: {
      const [metric, unit] = rng.pick(v.METRICS);
      return `We measured the ${metric} at ${rng.int(2, 900)} ${unit} for ${s()}, against ${rng.int(2, 900)} ${unit} on ${rng.pick(v.PLATFORMS)}.`;
    }
    case 5:
      return `The trade-off is simple: ${s()} ${verb()[1]} ${object()}, but ${s()} ${verb()[1]} ${object()}.`;
    case 6:
      return `If ${s()} ${verb()[1]} ${object()}, ${verb()[0]} ${object()} ${rng.pick(v.QUALIFIERS)}.`;
    case 7:
      return `${rng.pick(v.ADVERBS)}, ${s()} ${verb()[1]} ${object()}.`;
    case 8:
      return `Most teams ${verb()[0]} ${object()} ${rng.pick(v.QUALIFIERS)} before they ${verb()[0]} ${object()}.`;
    case 9:
      return `It is tempting to ${verb()[0]} ${object()}; wait until ${s()} ${verb()[1]} ${object()}.`;
    case 10:
      return `The function ${identifier(rng)} ${verb()[1]} ${object()} ${rng.pick(v.QUALIFIERS)}.`;
    default:
      return `For ${rng.pick(v.WORKLOADS)}, ${s()} ${verb()[1]} ${object()} and ${verb()[1]} ${object()}.`;
  }
}

function chineseSentence(rng: Random): string {
  const subj = () => rng.pick(v.ZH_SUBJECTS);
  const pred = () => rng.pick(v.ZH_PREDICATES);
  const obj = () => rng.pick(v.ZH_OBJECTS);
  switch (rng.int(0, 7)) {
    case 0:
      return `${rng.pick(v.ZH_CONNECTIVES)}，${subj()}${pred()}${obj()}。`;
    case 1:
      return `${subj()}${pred()}${obj()}，而${subj()}则${pred()}${obj()}。`;
    case 2:
      return `如果${subj()}${pred()}${obj()}，就应该先检查${obj()}。`;
    case 3:
      return `我们在压测中看到，${subj()}的${obj()}大约是 ${rng.int(5, 900)} 毫秒，比${subj()}高出 ${rng.int(3, 80)}%。`;
    case 4:
      return `对于${rng.pick(v.ZH_SCENARIOS)}来说，${subj()}通常比${subj()}更合适，因为它${pred()}${obj()}。`;
    case 5:
      return `很多团队在迁移到容器之前，会先用无服务器函数验证${obj()}，再决定${subj()}是否值得保留。`;
    case 6:
      return `${rng.pick(v.ZH_CONNECTIVES)}，无服务器架构和容器平台在${obj()}上的差别，往往比在${obj()}上的差别更大。`;
    default:
      return `${subj()}看起来只是一个配置项，但它${pred()}${obj()}，也${pred()}${obj()}。`;
  }
}

function englishHeading(rng: Random): string {
  switch (rng.int(0, 7)) {
    case 0:
      return `${cap(rng.pick(v.TOPICS))} on ${rng.pick(v.PLATFORMS)}`;
    case 1:
      return `Measuring the ${rng.pick(v.NOUNS)}`;
    case 2:
      return `Why the ${rng.pick(v.NOUNS)} matters`;
    case 3:
      return `Setting up ${rng.pick(v.SERVICES)}`;
    case 4:
      return `${cap(an(rng.pick(v.ADJECTIVES)))} ${rng.pick(v.NOUNS)} in practice`;
    case 5:
      return `Common mistakes with ${rng.pick(v.TOPICS)}`;
    case 6:
      return `Results after ${rng.int(2, 20)} weeks`;
    default:
      return `What ${rng.pick(v.PLATFORMS)} charges for`;
  }
}

function chineseHeading(rng: Random): string {
  switch (rng.int(0, 4)) {
    case 0:
      return `${rng.pick(v.ZH_TOPICS)}与${rng.pick(v.ZH_OBJECTS)}`;
    case 1:
      return `${rng.pick(v.ZH_SUBJECTS)}的常见误区`;
    case 2:
      return `在 ${rng.pick(['Lambda', 'Fargate', 'ECS'])} 上测量${rng.pick(v.ZH_OBJECTS)}`;
    case 3:
      return `${rng.pick(v.ZH_SCENARIOS)}的取舍`;
    default:
      return `${rng.int(2, 20)} 周之后的结果`;
  }
}

/**
 * An article before `index` that passes `test`, found by drawing a few random indices rather than
 * filtering the whole list, so that generating a corpus stays linear in its size.
 */
function probe(
  metas: readonly ArticleMeta[],
  index: number,
  rng: Random,
  test: (meta: ArticleMeta) => boolean,
): ArticleMeta | undefined {
  for (let attempt = 0; attempt < 20 && index > 0; attempt++) {
    const candidate = metas[rng.int(0, index - 1)];
    if (candidate && test(candidate)) return candidate;
  }
  return undefined;
}

/** Title, slug, dates, tags and language of every article, in index order. */
export function planCorpus(n: number, seed: number): ArticleMeta[] {
  const metas: ArticleMeta[] = [];
  const slugs: Record<Locale, Set<string>> = { en: new Set(), zh: new Set() };
  for (let index = 0; index < n; index++) {
    const rng = createRandom(seedFor(seed, index, 1));
    const zh = rng.chance(ZH_SHARE);
    const original =
      zh && rng.chance(ZH_TRANSLATION_SHARE)
        ? probe(metas, index, rng, (m) => m.locale === 'en' && !slugs.zh.has(m.slug))
        : undefined;
    const locale: Locale = zh ? 'zh' : 'en';
    const enTitle = englishTitle(rng);
    let slug = original?.slug ?? slugify(enTitle);
    if (slugs[locale].has(slug)) slug = `${slug}-${index}`;
    slugs[locale].add(slug);
    const pub = original
      ? Date.parse(original.pubDate.slice(0, 10))
      : FIRST_DAY + rng.int(0, (LAST_DAY - FIRST_DAY) / DAY) * DAY;
    const withTime = rng.chance(0.3);
    const pubDate = withTime
      ? `${isoDay(pub)}T${String(rng.int(6, 22)).padStart(2, '0')}:${rng.pick(['00', '15', '30', '45'])}:00+08:00`
      : isoDay(pub);
    // A date-time with +08:00 can fall on the previous UTC day, so updates start a day later.
    const updatedDate = rng.chance(0.2) ? isoDay(Math.min(pub + rng.int(1, 400) * DAY, LAST_DAY + DAY)) : undefined;
    const title = zh ? chineseTitle(rng) : enTitle;
    const description = zh
      ? `${chineseSentence(rng)}${chineseSentence(rng)}`
      : `${englishSentence(rng)} ${englishSentence(rng)}`.replace(/[*`]/g, '');
    metas.push({
      index,
      locale,
      slug,
      ext: rng.chance(MDX_SHARE) ? 'mdx' : 'md',
      title,
      description: description.slice(0, 300).trim(),
      pubDate,
      updatedDate,
      tags: original ? [...original.tags] : rng.sample(v.TAG_POOL, rng.int(1, 4)),
    });
  }
  return metas;
}

interface Paragraph {
  sentences: string[];
}
interface Section {
  heading: string;
  parts: (Paragraph | string)[];
}

function table(rng: Random, zh: boolean): string {
  const header = zh
    ? '| 场景 | 每日请求数 | Lambda（美元/月） | Fargate（美元/月） |'
    : '| Workload | Requests per day | Lambda (USD/month) | Fargate (USD/month) |';
  const rows = rng.sample(zh ? v.ZH_SCENARIOS : v.WORKLOADS, rng.int(4, 6)).map((w) => {
    const requests = rng.int(1, 500) * 10_000;
    return `| ${w} | ${requests.toLocaleString('en-US')} | ${(rng.int(100, 90_000) / 100).toFixed(2)} | ${(rng.int(900, 40_000) / 100).toFixed(2)} |`;
  });
  return [header, '| --- | ---: | ---: | ---: |', ...rows].join('\n');
}

function bulletList(rng: Random, zh: boolean): string {
  return Array.from({ length: rng.int(3, 5) }, () =>
    zh
      ? `- **${rng.pick(v.ZH_SUBJECTS)}**：${chineseSentence(rng)}`
      : `- **${cap(rng.pick(v.NOUNS))}.** ${englishSentence(rng)}`,
  ).join('\n');
}

function numberedList(rng: Random, zh: boolean): string {
  return Array.from({ length: rng.int(3, 5) }, (_, i) =>
    zh
      ? `${i + 1}. 检查${rng.pick(v.ZH_SUBJECTS)}的${rng.pick(v.ZH_OBJECTS)}。`
      : `${i + 1}. ${cap(rng.pick(v.VERBS)[0])} the ${rng.pick(v.NOUNS)} ${rng.pick(v.QUALIFIERS)}.`,
  ).join('\n');
}

function callout(rng: Random, zh: boolean): string {
  const body = zh
    ? `${chineseSentence(rng)}${chineseSentence(rng)}`
    : `${englishSentence(rng)} ${englishSentence(rng)}`;
  const title = zh ? rng.pick(v.ZH_TOPICS) : cap(rng.pick(v.TOPICS));
  return `<Callout type="${rng.pick(['note', 'tip', 'warning'])}" title="${title}">\n\n${body}\n\n</Callout>`;
}

function linkTo(target: ArticleMeta, locale: Locale, rng: Random): string {
  const href = locale === 'zh' ? `/zh/posts/${target.slug}/` : `/posts/${target.slug}/`;
  return locale === 'zh'
    ? `相关的分析见[《${target.title}》](${href})。`
    : `${rng.pick(['For the details, see', 'We covered this in', 'Compare with'])} [${target.title}](${href}).`;
}

const counted = (text: string, zh: boolean) => {
  const { hanChars, words } = countText(text);
  return zh ? hanChars : words;
};

/**
 * The Markdown body of one article. It may link to articles before it in `metas` (the corpus plan),
 * in its own language.
 */
export function articleBody(meta: ArticleMeta, seed: number, metas: readonly ArticleMeta[]): string {
  const rng = createRandom(seedFor(seed, meta.index, 2));
  const zh = meta.locale === 'zh';
  const sentence = () => (zh ? chineseSentence(rng) : englishSentence(rng));
  const heading = () => (zh ? chineseHeading(rng) : englishHeading(rng));
  const target = zh ? rng.int(ZH_CHARS.min + 50, ZH_CHARS.max - 150) : rng.int(EN_WORDS.min + 25, EN_WORDS.max - 50);

  const sections: Section[] = Array.from({ length: rng.int(5, 7) }, () => ({ heading: `## ${heading()}`, parts: [] }));
  const paragraphs: Paragraph[] = [];
  const paragraph = (): Paragraph => {
    const p = { sentences: [sentence()] };
    paragraphs.push(p);
    return p;
  };
  for (const section of sections) {
    section.parts.push(paragraph());
    for (let sub = rng.int(0, 2); sub > 0; sub--) section.parts.push(`### ${heading()}`, paragraph());
  }
  const place = (block: string) => {
    const section = rng.pick(sections);
    section.parts.splice(rng.int(1, section.parts.length), 0, block);
  };
  place(table(rng, zh));
  place(bulletList(rng, zh));
  place(numberedList(rng, zh));
  for (const lang of rng.sample(SNIPPET_LANGS, rng.int(3, 5))) place(codeBlock(lang, rng));
  if (rng.chance(0.3)) place(`> ${sentence()}`);
  if (meta.ext === 'mdx') place(callout(rng, zh));
  // More paragraphs for longer targets: about four sentences each.
  for (let extra = Math.round(target / (zh ? 180 : 80)) - paragraphs.length; extra > 0; extra--) {
    rng.pick(sections).parts.push(paragraph());
  }
  const linked = new Set<string>();
  for (let links = rng.int(1, 3); links > 0; links--) {
    const other = probe(metas, meta.index, rng, (m) => m.locale === meta.locale && !linked.has(m.slug));
    if (!other) continue;
    linked.add(other.slug);
    rng.pick(paragraphs).sentences.push(linkTo(other, meta.locale, rng));
  }

  const sources = rng.sample(v.SOURCES, rng.int(2, 4)).map(([name, url]) => `- [${name}](${url})`);
  const closing = `## ${zh ? '参考资料' : 'Sources'}\n\n${sources.join('\n')}`;
  const intro: Paragraph = { sentences: [sentence(), sentence()] };
  paragraphs.push(intro);

  const render = () =>
    [intro, ...sections.flatMap((s) => [s.heading, ...s.parts]), closing]
      .map((part) => (typeof part === 'string' ? part : part.sentences.join(zh ? '' : ' ')))
      .join('\n\n');

  let total = counted(render(), zh);
  while (total < target) {
    const next = sentence();
    rng.pick(paragraphs).sentences.push(next);
    total += counted(next, zh);
  }
  return `${render()}\n`;
}

/** Front matter and body as the file an author would write. */
export function articleFile(meta: ArticleMeta, body: string): string {
  const lines = [
    '---',
    `title: ${JSON.stringify(meta.title)}`,
    `description: ${JSON.stringify(meta.description)}`,
    `pubDate: ${meta.pubDate}`,
    ...(meta.updatedDate ? [`updatedDate: ${meta.updatedDate}`] : []),
    `tags: [${meta.tags.join(', ')}]`,
    'draft: false',
    '---',
  ];
  return `${lines.join('\n')}\n\n${body}`;
}

/** The whole corpus: n articles from one seed. */
export function generateCorpus(n: number, seed: number): GeneratedArticle[] {
  const metas = planCorpus(n, seed);
  return metas.map((meta) => ({
    path: `${meta.locale}/${meta.slug}.${meta.ext}`,
    meta,
    content: articleFile(meta, articleBody(meta, seed, metas)),
  }));
}

/**
 * An edit to one article's body, as an author would make it: a paragraph added before the closing
 * Sources section. Front matter, slug and links stay as they were.
 */
export function editArticle(content: string, paragraph: string): string {
  const at = content.search(/\n\n## (Sources|参考资料)\n/);
  if (at < 0) throw new Error('editArticle: the article has no Sources section to add a paragraph before');
  return `${content.slice(0, at)}\n\n${paragraph}${content.slice(at)}`;
}
