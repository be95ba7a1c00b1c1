import type { Locale } from '../i18n/locales';
import { tagLabels } from '../i18n/tags';
import { IMAGE_EXTENSIONS, convertBody } from './body';
import { compareDates, splitDatePrefix } from './dates';
import { detectDialect } from './dialect';
import { normalizeNewlines, parseFrontMatter, splitFrontMatter, type Field } from './front-matter';
import { mapFields, type MappedFields } from './fields';
import { detectLanguage } from './language';
import { resolveLink } from './links';
import { serializeFrontMatter, validateFrontMatter, type KeptField, type PostFrontMatter } from './output';
import { firstParagraph, outlineOf } from './outline';
import { normalizeTags, plainText, slugify, truncate } from './text';
import type { AssetCopy, AssetFinder, Dialect, LinkTarget, Problem } from './types';

/** Longest description derived from the text (the schema allows more; lists and cards show about this much). */
export const DESCRIPTION_LENGTH = 160;
/** Longest title the schema accepts. */
export const TITLE_LENGTH = 120;
/** Tag given when a post has none and none of the site's tags appear in its title or description. */
export const DEFAULT_TAG = 'uncategorized';

/** A file to import: the path shown in reports (folders give Hugo bundles and Jekyll drafts away) and its text. */
export interface ImportSource {
  path: string;
  text: string;
}

/** Everything the conversion needs from outside; the CLI fills it in from the file system. */
export interface ImportOptions {
  /** Language chosen on the command line; otherwise front matter `lang`, then the text decides. */
  lang?: Locale | undefined;
  /** Date used when the post has none (YYYY-MM-DD), e.g. the file's modification day. */
  fallbackDate: string;
  findAsset: AssetFinder;
  /** Articles that wiki links may point to: the site's and this run's. */
  links: readonly LinkTarget[];
}

/** What a post will be called and where it will go, known before its body is converted. */
export interface PostIdentity {
  dialect: Dialect;
  locale: Locale;
  slug: string;
  title: string;
  /** Names wiki links may use for this post. */
  names: string[];
  /** Translation key from the front matter, as a slug (kept only when a translation has it). */
  translationKey?: string | undefined;
}

/** The converted article, or the errors that stopped it; `content` is the whole .md file. */
export interface ImportResult extends PostIdentity {
  ok: boolean;
  content: string;
  assets: AssetCopy[];
  problems: Problem[];
}

interface Analysis extends PostIdentity {
  ok: boolean;
  bodyText: string;
  bodyLine: number;
  mapped: MappedFields;
  replaced: Field[];
  titleLine?: number;
  problems: Problem[];
}

function pathParts(path: string): { stem: string; folder: string; inDrafts: boolean } {
  const parts = path.replace(/\\/g, '/').split('/');
  const file = parts.at(-1) ?? path;
  const dot = file.lastIndexOf('.');
  return {
    stem: dot > 0 ? file.slice(0, dot) : file,
    folder: parts.at(-2) ?? '',
    inDrafts: parts.includes('_drafts'),
  };
}

/** Works out a post's dialect, language, slug and title without converting its body. */
export function identifyPost(source: ImportSource, options: { lang?: Locale | undefined }): PostIdentity {
  const { dialect, locale, slug, title, names, mapped } = analyze(source, options.lang);
  const translationKey = mapped.translationKey && slugify(mapped.translationKey.value);
  return { dialect, locale, slug, title, names, translationKey: translationKey || undefined };
}

function analyze(source: ImportSource, lang: Locale | undefined): Analysis {
  const problems: Problem[] = [];
  const text = normalizeNewlines(source.text);
  const raw = splitFrontMatter(text);
  const parsed = parseFrontMatter(raw);
  problems.push(...parsed.problems);
  const mapped = mapFields(parsed.fields);
  problems.push(...mapped.problems);
  const { stem, folder } = pathParts(source.path);
  const fileStem = /^_?index$|^readme$/i.test(stem) && folder ? folder : stem;
  const dated = splitDatePrefix(fileStem);
  const dialect = detectDialect({
    format: raw.format,
    keys: parsed.fields.map((f) => f.key),
    datedFileName: dated.date !== undefined,
    body: raw.body,
  });

  // Title: front matter, else the first heading (H1 first), else the first line or the file name.
  let title = mapped.title?.value;
  let titleLine = mapped.title?.line;
  const outline = outlineOf(raw.body);
  let removed: number | undefined;
  if (title !== undefined) {
    const first = outline.first;
    if (first?.level === 1 && first.text.toLowerCase() === plainText(title).toLowerCase()) {
      removed = first.index;
      problems.push({
        line: raw.bodyLine + first.index,
        severity: 'note',
        code: 'heading',
        message: 'the first heading repeats the title and was removed (the page shows the title as its heading)',
      });
    }
  } else {
    const heading = outline.headings.find((h) => h.level === 1) ?? outline.headings[0];
    const first = outline.first;
    if (heading) {
      title = heading.text;
      titleLine = raw.bodyLine + heading.index;
      if (heading.level === 1 && first?.index === heading.index) removed = heading.index;
    } else if (dialect !== 'obsidian' && first) {
      title = first.text;
      titleLine = raw.bodyLine + first.index;
      if (first.standalone && title.length <= TITLE_LENGTH && !/[.:;,。：；，]$/.test(title)) removed = first.index;
      problems.push({
        line: titleLine,
        severity: 'warning',
        code: 'title',
        message: `no title or heading; the title comes from the first line: "${truncate(title, TITLE_LENGTH)}"`,
      });
    }
    if (!title) {
      title = dated.rest;
      titleLine = 1;
      problems.push({ line: 1, severity: 'note', code: 'title', message: `the title comes from the file name` });
    }
  }
  // The title line is blanked rather than removed, so later lines keep their numbers in reports.
  const bodyText = removed === undefined ? raw.body : raw.body.split('\n').with(removed, '').join('\n');
  for (const heading of outline.headings) {
    if (heading.level === 1 && heading.index !== removed) {
      problems.push({
        line: raw.bodyLine + heading.index,
        severity: 'warning',
        code: 'heading',
        message: `level-1 heading "${heading.text}" in the text; the title is the page's only level-1 heading, use ## for sections`,
      });
    }
  }
  if (title.length > TITLE_LENGTH) {
    problems.push({
      line: titleLine ?? 1,
      severity: 'warning',
      code: 'title',
      message: `the title is longer than ${TITLE_LENGTH} characters and was shortened`,
    });
    title = truncate(title, TITLE_LENGTH);
  }

  // Language: the command line, then front matter, then the share of Han characters.
  let locale: Locale;
  if (lang) locale = lang;
  else if (mapped.lang) locale = mapped.lang.value;
  else {
    const detected = detectLanguage(`${title}\n${bodyText}`);
    locale = detected.locale;
    const share = `${Math.round(detected.share * 100)}% Han characters`;
    problems.push({
      line: 1,
      severity: detected.mixed ? 'warning' : 'note',
      code: 'language',
      message: detected.mixed
        ? `the text mixes English and Chinese (${share}); imported as "${locale}", pass --lang to choose`
        : `language detected as "${locale}" (${share})`,
    });
  }

  // Slug: explicit, else the file name without a Jekyll date, else the title.
  let slug = '';
  if (mapped.slug) {
    slug = slugify(mapped.slug.value);
    if (!slug) {
      problems.push({
        line: mapped.slug.line,
        severity: 'warning',
        code: 'title',
        message: `slug "${mapped.slug.value}" gives no URL-safe name; the file name is used`,
      });
    }
  }
  slug ||= slugify(dated.rest) || slugify(title) || `post-${(mapped.pubDate?.value ?? dated.date ?? '').slice(0, 10)}`;
  slug = slug.replace(/-+$/, '') || 'post';

  const names = [stem, dated.rest, title, slug, ...mapped.names].filter((n, i, all) => n && all.indexOf(n) === i);
  const result: Analysis = {
    ok: parsed.ok,
    dialect,
    locale,
    slug,
    title,
    names,
    bodyText,
    bodyLine: raw.bodyLine,
    mapped,
    replaced: parsed.replaced,
    problems,
  };
  if (titleLine !== undefined) result.titleLine = titleLine;
  return result;
}

/** Converts one post into the site's front matter and Markdown; see README "Importing posts". */
export function convertPost(source: ImportSource, options: ImportOptions): ImportResult {
  const analysis = analyze(source, options.lang);
  const { dialect, locale, slug, title, names, mapped } = analysis;
  const problems = [...analysis.problems];
  const identity = { dialect, locale, slug, title, names };
  const fail = (): ImportResult => ({
    ...identity,
    ok: false,
    content: '',
    assets: [],
    problems: sortProblems(problems),
  });
  // Nothing else is worth reading until the front matter can be parsed.
  if (!analysis.ok) return { ...fail(), problems: problems.filter((p) => p.severity === 'error') };

  const converted = convertBody(analysis.bodyText, {
    firstLine: analysis.bodyLine,
    slug,
    collectTags: dialect === 'obsidian',
    findAsset: options.findAsset,
    resolveLink: (name) => resolveLink(options.links, name, locale),
  });
  problems.push(...converted.problems);
  const body = converted.body.replace(/^\s*\n/, '').trimEnd();
  const assets = [...converted.assets];
  const kept: KeptField[] = [...analysis.replaced, ...mapped.dropped];

  // Description: front matter, else the first paragraph as plain text.
  let description = mapped.description ? plainText(mapped.description.value) : '';
  if (!description) {
    const paragraph = firstParagraph(body);
    // Obsidian #tags are already collected as tags; in a description they are noise.
    const prose =
      dialect === 'obsidian' ? paragraph.replace(/(^|\s)#[\p{L}\p{N}_][\p{L}\p{N}_/-]*/gu, '').trim() : paragraph;
    description = truncate(prose, DESCRIPTION_LENGTH);
    problems.push({
      line: 1,
      severity: 'note',
      code: 'description',
      message: description ? 'the description comes from the first paragraph' : 'no text to describe the post',
    });
  } else if (description.length > 300) {
    description = truncate(description, 300);
    problems.push({
      line: mapped.description!.line,
      severity: 'warning',
      code: 'description',
      message: 'the description is longer than 300 characters and was shortened',
    });
  }
  if (!description) description = title;

  // Dates: front matter, else the Jekyll file name, else the fallback (the file's modification day).
  const dated = splitDatePrefix(pathParts(source.path).stem);
  let pubDate = mapped.pubDate?.value;
  if (!pubDate && dated.date) {
    pubDate = dated.date;
    problems.push({ line: 1, severity: 'note', code: 'date', message: `pubDate ${pubDate} comes from the file name` });
  }
  if (!pubDate) {
    pubDate = options.fallbackDate;
    problems.push({
      line: 1,
      severity: 'warning',
      code: 'date',
      message: `no usable date; pubDate is the file's modification day, ${pubDate}`,
    });
  }
  let updatedDate = mapped.updatedDate?.value;
  if (updatedDate && compareDates(updatedDate, pubDate) < 0) {
    problems.push({
      line: mapped.updatedDate!.line,
      severity: 'warning',
      code: 'bad-date',
      message: `the update date ${updatedDate} is before the publication date ${pubDate}; it is not used`,
    });
    kept.push(mapped.updatedDate!.field ?? { key: 'updatedDate', value: updatedDate });
    updatedDate = undefined;
  }

  // Tags: front matter (tags and categories) and, for Obsidian, #tags in the text.
  const labels = new Map<string, string>();
  for (const lang of ['en', 'zh'] as const) {
    for (const [tag, label] of Object.entries(tagLabels(lang))) labels.set(label.toLowerCase(), tag);
  }
  const raw = [...(mapped.tags?.value ?? []), ...converted.tags.map((t) => t.tag)];
  const { tags, rejected } = normalizeTags(raw, labels);
  if (rejected.length > 0) {
    problems.push({
      line: mapped.tags?.line ?? converted.tags[0]?.line ?? 1,
      severity: 'warning',
      code: 'tags',
      message: `tag(s) ${rejected.map((t) => `"${t}"`).join(', ')} cannot be written as a lower-case slug and were left out`,
    });
    kept.push({ key: 'tags', value: rejected });
  }
  if (tags.length === 0) {
    tags.push(...inferTags(`${title} ${description}`, labels));
    if (tags.length === 0) tags.push(DEFAULT_TAG);
    problems.push({
      line: mapped.tags?.line ?? 1,
      severity: 'warning',
      code: 'tags',
      message: `no tags; using ${tags.map((t) => `"${t}"`).join(', ')} (review them)`,
    });
  }

  // Hero image: only a local file the site can process; astro:assets needs it beside the article.
  let heroImage: string | undefined;
  let heroAlt: string | undefined;
  if (mapped.heroImage) {
    const src = mapped.heroImage.value;
    const line = mapped.heroImage.line;
    const name =
      src
        .replace(/[?#].*$/, '')
        .split('/')
        .at(-1) ?? src;
    const ext = (name.split('.').at(-1) ?? '').toLowerCase();
    const found = /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src) ? undefined : options.findAsset(src, 'path');
    if (!found || !IMAGE_EXTENSIONS.includes(ext)) {
      const why = /^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src)
        ? 'is not a local file (the site only shows images it serves itself)'
        : !found
          ? 'was not found'
          : 'is not a format the site can process';
      problems.push({ line, severity: 'warning', code: 'hero-image', message: `hero image "${src}" ${why}; not used` });
      kept.push(mapped.heroImage.field ?? { key: 'heroImage', value: src });
    } else {
      const existing = assets.find((a) => a.from === found);
      let to = existing?.to ?? `images/${slug}/${slugify(name.slice(0, name.lastIndexOf('.'))) || 'hero'}.${ext}`;
      if (!existing) {
        for (let n = 2; assets.some((a) => a.to === to); n++) to = to.replace(/(-\d+)?(\.\w+)$/, `-${n}$2`);
        assets.push({ from: found, to });
      }
      heroImage = `./${to}`;
      heroAlt = mapped.heroAlt?.value;
      if (!heroAlt) {
        heroAlt = locale === 'zh' ? `${title}的题图` : `Cover image for ${title}`;
        problems.push({
          line,
          severity: 'warning',
          code: 'hero-image',
          message: 'the hero image has no description; heroAlt was filled in from the title (describe the image)',
        });
      }
    }
  }

  let draft = mapped.draft?.value ?? false;
  if (!mapped.draft && pathParts(source.path).inDrafts) {
    draft = true;
    problems.push({ line: 1, severity: 'note', code: 'date', message: 'in a _drafts folder, so imported as a draft' });
  }

  const data: PostFrontMatter = { title, description, pubDate, tags, draft };
  if (updatedDate) data.updatedDate = updatedDate;
  if (heroImage && heroAlt) {
    data.heroImage = heroImage;
    data.heroAlt = heroAlt;
  }
  const translationKey = mapped.translationKey && slugify(mapped.translationKey.value);
  if (translationKey) {
    // The site refuses a key that pairs nothing, so it is kept only when a translation has it.
    const partner = options.links.some((t) => t.locale !== locale && (t.translationKey ?? t.slug) === translationKey);
    if (partner) data.translationKey = translationKey;
    else {
      problems.push({
        line: mapped.translationKey!.line,
        severity: 'warning',
        code: 'dropped-field',
        message: `translationKey "${translationKey}" matches no article in another language; it is not used`,
      });
      kept.push(mapped.translationKey!.field ?? { key: 'translationKey', value: translationKey });
    }
  }
  if (mapped.series) data.series = mapped.series.value;

  const invalid = validateFrontMatter(data);
  for (const message of invalid) {
    problems.push({ line: 1, severity: 'error', code: 'schema', message: `the site would reject it: ${message}` });
  }
  if (invalid.length > 0) return fail();

  const content = `${serializeFrontMatter(data, kept)}\n${body}\n`;
  const result = { ...identity, ok: true, content, assets, problems: sortProblems(problems) };
  return data.translationKey ? { ...result, translationKey: data.translationKey } : result;
}

/** Known tags whose slug or label appears in a text, in the order the site lists them. */
function inferTags(text: string, labels: ReadonlyMap<string, string>): string[] {
  const lower = text.toLowerCase();
  const words = new Set(lower.split(/[^a-z0-9-]+/));
  const found: string[] = [];
  for (const [label, tag] of labels) {
    if (found.includes(tag)) continue;
    if (words.has(tag) || (/\P{ASCII}/u.test(label) && lower.includes(label))) found.push(tag);
  }
  return found;
}

function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.line - b.p.line || a.i - b.i)
    .map(({ p }) => p);
}
