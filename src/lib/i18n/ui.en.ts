/**
 * English interface strings. `UIStrings` is the contract: the Chinese file must provide every
 * key, so a missing translation fails the type check instead of showing English on a Chinese page.
 */
export interface UIStrings {
  /** The site's name, in the header, titles, feeds and the web app manifest. */
  'site.title': string;
  'site.tagline': string;
  'site.intro': string;
  'skip.link': string;
  'nav.label': string;
  'nav.home': string;
  'nav.tags': string;
  'nav.archive': string;
  'nav.about': string;
  'nav.rss': string;
  'theme.toggle': string;
  'theme.light': string;
  'theme.dark': string;
  /** The language switcher's tooltip, given the name of the language it leads to in this language. */
  'lang.label': (language: string) => string;
  'home.latest': string;
  'home.allPosts': string;
  'post.published': string;
  'post.updated': string;
  'post.readingTime': (minutes: number) => string;
  'post.toc': string;
  'post.tags': string;
  'post.older': string;
  'post.newer': string;
  'post.pagination': string;
  'post.translation': string;
  'post.draft': string;
  'post.draftNote': string;
  'code.copy': string;
  'code.copied': string;
  'code.copyFailed': string;
  'tags.title': string;
  'tags.description': string;
  'tags.postCount': (count: number) => string;
  'series.title': string;
  'series.box': string;
  'series.part': (part: number, total: number) => string;
  'series.pageDescription': (name: string, count: number) => string;
  'series.partCount': (count: number) => string;
  'related.title': string;
  'fresh.readOn': (date: string) => string;
  'fresh.readBetween': (oldest: string, newest: string) => string;
  'fresh.stale': string;
  'fresh.check': string;
  'tag.title': (tag: string) => string;
  'tag.description': (tag: string, count: number) => string;
  'archive.title': string;
  'archive.description': string;
  'archive.yearCount': (count: number) => string;
  'notFound.title': string;
  'notFound.description': string;
  'notFound.body': string;
  'notFound.home': string;
  'subscribe.title': string;
  'subscribe.body': string;
  'subscribe.rss': string;
  'callout.note': string;
  'callout.tip': string;
  'callout.warning': string;
  'callout.important': string;
  'callout.caution': string;
  'search.button': string;
  'search.title': string;
  'search.description': string;
  'search.label': string;
  'search.placeholder': string;
  'search.close': string;
  'search.filters': string;
  'search.hint': string;
  'search.loading': string;
  'search.results': (count: number, query: string) => string;
  'search.resultsAll': (count: number) => string;
  'search.none': (query: string) => string;
  'search.failed': string;
  'search.noIndex': string;
  'nav.tools': string;
  'tools.title': string;
  'tools.description': string;
  'calc.title': string;
  'calc.description': string;
  'calc.sources': string;
  'calc.asOf': (date: string) => string;
  /** The heading every article ends with, listing its sources (the content check looks for it). */
  'article.sourcesHeading': string;
  /** Placeholders of a new article (npm run new), to be replaced by the author. */
  'newPost.description': string;
  'newPost.introduction': string;
  'newPost.body': string;
  /** Said after a source that is not AWS's own page. */
  'data.transcription': string;
  'data.thirdParty': string;
  'decide.title': string;
  'decide.description': string;
  'decide.intro': string;
  'decide.result': string;
  'decide.reasons': string;
  'decide.readMore': string;
  'decide.incomplete': (answered: number, total: number) => string;
  'decide.reset': string;
  'decide.noscript': string;
  'data.limit': string;
  'data.value': string;
  'data.source': string;
  'data.vcpu': string;
  'data.memory': string;
  'data.service': string;
  'data.architecture': string;
  'data.price': string;
  'data.lambdaLimits': string;
  'data.fargateSizes': string;
  'data.prices': string;
  'data.memoryStep': (min: string, max: string, step: string) => string;
  'feed.title': (tag?: string) => string;
  'feed.heading': string;
  'feed.body': string;
  'feed.how': string;
  'feed.home': string;
  'feed.interactive': string;
  'feed.interactiveLink': string;
  'subscribe.pageTitle': string;
  'subscribe.pageDescription': string;
  'subscribe.what': string;
  'subscribe.whatBody': string;
  'subscribe.how': string;
  'subscribe.howSteps': string[];
  'subscribe.feeds': string;
  'subscribe.mainFeed': string;
  /** Another language's feed, given that language's name in this language. */
  'subscribe.otherFeed': (language: string) => string;
  'subscribe.tagFeeds': string;
  'subscribe.copy': string;
  'subscribe.copied': string;
  'subscribe.copyFailed': string;
  'tag.feed': string;
  'footer.rights': string;
  'footer.source': string;
}

export const en: UIStrings = {
  'site.title': 'Lambda or Fargate',
  'site.tagline': 'Lambda or Fargate: clear, sourced answers for choosing and combining AWS serverless compute.',
  'site.intro':
    'Practical articles on when to run AWS Lambda, when to run AWS Fargate, and how to use them together. Every limit and price names its source and date.',
  'skip.link': 'Skip to content',
  'nav.label': 'Main',
  'nav.home': 'Posts',
  'nav.tags': 'Tags',
  'nav.archive': 'Archive',
  'nav.about': 'About',
  'nav.rss': 'RSS',
  'theme.toggle': 'Dark theme',
  'theme.light': 'Light',
  'theme.dark': 'Dark',
  'lang.label': (language) => `Read this page in ${language}`,
  'home.latest': 'Latest posts',
  'home.allPosts': 'All posts by year',
  'post.published': 'Published',
  'post.updated': 'Updated',
  'post.readingTime': (minutes) => `${minutes} min read`,
  'post.toc': 'On this page',
  'post.tags': 'Tags',
  'post.older': 'Older post',
  'post.newer': 'Newer post',
  'post.pagination': 'More posts',
  'post.translation': 'Also available in',
  'post.draft': 'Draft',
  'post.draftNote':
    'This draft is visible only in development. It is left out of every production page, feed and index.',
  'code.copy': 'Copy',
  'code.copied': 'Copied',
  'code.copyFailed': 'Copy failed',
  'tags.title': 'Tags',
  'tags.description': 'Every topic on the blog, with the number of posts for each.',
  'tags.postCount': (count) => (count === 1 ? '1 post' : `${count} posts`),
  'series.title': 'Series',
  'series.box': 'This article is part of a series',
  'series.part': (part, total) => `Part ${part} of ${total}`,
  'series.pageDescription': (name, count) => `The ${count} parts of the series “${name}”, in reading order.`,
  'series.partCount': (count) => (count === 1 ? '1 part' : `${count} parts`),
  'related.title': 'Related articles',
  'fresh.readOn': (date) => `The prices and limits in this article were read on ${date}.`,
  'fresh.readBetween': (oldest, newest) =>
    `The prices and limits in this article were read between ${oldest} and ${newest}.`,
  'fresh.stale': 'Some of these figures are more than six months old and may have changed since.',
  'fresh.check': 'Check the sources before you rely on them',
  'tag.title': (tag) => `Posts tagged “${tag}”`,
  'tag.description': (tag, count) => `${count === 1 ? 'One post' : `${count} posts`} about ${tag}, newest first.`,
  'archive.title': 'Archive',
  'archive.description': 'Every post, grouped by year, newest first.',
  'archive.yearCount': (count) => (count === 1 ? '1 post' : `${count} posts`),
  'notFound.title': 'Page not found',
  'notFound.description': 'The page you were looking for does not exist.',
  'notFound.body': 'The link may be old, or the address mistyped. The latest posts are on the home page.',
  'notFound.home': 'Go to the home page',
  'subscribe.title': 'Follow along',
  'subscribe.body':
    'New articles on Lambda, Fargate and serverless cost arrive a few times a month. Subscribe to the feed to get each one in full in your reader.',
  'subscribe.rss': 'Subscribe',
  'callout.note': 'Note',
  'callout.tip': 'Tip',
  'callout.warning': 'Warning',
  'callout.important': 'Important',
  'callout.caution': 'Caution',
  'search.button': 'Search',
  'search.title': 'Search',
  'search.description': 'Search every post on the blog, in English.',
  'search.label': 'Search posts',
  'search.placeholder': 'Try “cold start” or “Fargate Spot”',
  'search.close': 'Close search',
  'search.filters': 'Filter by tag',
  'search.hint': 'Enter opens the first result; arrow keys move through the results; Esc closes.',
  'search.loading': 'Loading search…',
  'search.results': (count, query) =>
    `${count === 1 ? '1 result' : `${count} results`}${query ? ` for “${query}”` : ''}`,
  'search.resultsAll': (count) => (count === 1 ? '1 post' : `${count} posts`),
  'search.none': (query) => `No posts match “${query}”. Try fewer or different words.`,
  'search.failed': 'Search could not be loaded. Check your connection and try again.',
  'search.noIndex': 'No search index yet. Run `npm run build` once: the dev server then searches the last build.',
  'nav.tools': 'Tools',
  'tools.title': 'Tools',
  'tools.description': 'Interactive tools for choosing between AWS Lambda and AWS Fargate.',
  'calc.title': 'Lambda vs Fargate cost calculator',
  'calc.description':
    'What a workload costs each month on AWS Lambda, on AWS Fargate and on Lambda Managed Instances, front door, NAT and discounts included, and the traffic at which one overtakes another.',
  'calc.sources': 'Prices and limits used',
  'calc.asOf': (date) => `as of ${date}`,
  'article.sourcesHeading': 'Sources',
  'newPost.description': 'Summarise the article in one or two sentences.',
  'newPost.introduction': 'Introduction',
  'newPost.body': 'Write here. Every number needs its source and an "as of" date.',
  'data.transcription': 'third-party transcription of the AWS page',
  'data.thirdParty': 'third-party source',
  'decide.title': 'Lambda or Fargate? Decision guide',
  'decide.description': 'Answer seven questions about your workload and get a recommendation, with the reasons.',
  'decide.intro':
    'Answer what you know; each answer updates the recommendation. Hard limits (run time, connections, image size, GPUs) weigh more than preferences.',
  'decide.result': 'Recommendation',
  'decide.reasons': 'Why',
  'decide.readMore': 'Read more',
  'decide.incomplete': (answered, total) => `${answered} of ${total} questions answered.`,
  'decide.reset': 'Start again',
  'decide.noscript':
    'The guide needs JavaScript to score your answers. The rule of thumb: short, event-driven or spiky work suits Lambda; long-running, steady or connection-heavy work suits Fargate.',
  'data.limit': 'Limit',
  'data.value': 'Value',
  'data.source': 'Source',
  'data.vcpu': 'vCPU',
  'data.memory': 'Memory',
  'data.service': 'Service',
  'data.architecture': 'Architecture',
  'data.price': 'Price',
  'data.lambdaLimits': 'AWS Lambda limits',
  'data.fargateSizes': 'AWS Fargate task sizes (Linux)',
  'data.prices': 'On-demand prices, us-east-1',
  'data.memoryStep': (min, max, step) => `${min}–${max} GB in ${step} GB steps`,
  'feed.title': (tag) => (tag ? `Lambda or Fargate: posts tagged ${tag}` : 'Lambda or Fargate'),
  'feed.heading': 'This is an RSS feed of Lambda or Fargate',
  'feed.body':
    'A feed reader app checks this address for you and shows every new article in full. Copy the address of this page into your reader to subscribe.',
  'feed.how': 'How to subscribe',
  'feed.home': 'Read the blog',
  'feed.interactive': 'This part of the article is interactive.',
  'feed.interactiveLink': 'Open it on the website',
  'subscribe.pageTitle': 'Subscribe',
  'subscribe.pageDescription': 'Follow new articles in a feed reader, in English or Chinese, or by topic.',
  'subscribe.what': 'What is RSS?',
  'subscribe.whatBody':
    'RSS is an open format that lets a feed reader app collect new articles from the sites you follow. There is no account to create and no email address to give: you add a feed’s address to your reader, and each new article appears there in full.',
  'subscribe.how': 'How to subscribe',
  'subscribe.howSteps': [
    'Open your feed reader (for example NetNewsWire, Feedly, Inoreader or Thunderbird).',
    'Copy the address of a feed below with its Copy button.',
    'Choose “Add feed” or “Subscribe” in the reader and paste the address.',
  ],
  'subscribe.feeds': 'Feeds',
  'subscribe.mainFeed': 'Every English article',
  'subscribe.otherFeed': (language) => `Every ${language} article`,
  'subscribe.tagFeeds': 'By topic',
  'subscribe.copy': 'Copy',
  'subscribe.copied': 'Copied',
  'subscribe.copyFailed': 'Copy failed',
  'tag.feed': 'Feed of this tag',
  'footer.rights': 'Text licensed CC BY 4.0.',
  'footer.source':
    'Prices and limits are checked against the cited sources; verify them before you commit to a design.',
};
