/**
 * The web app manifest of one language: the site's name, where it starts, its colours and icons,
 * so a reader who adds the blog to a home screen gets its name and mark in their language.
 */
export interface ManifestInput {
  name: string;
  description: string;
  lang: string;
  /** Absolute path of the language's home page, with the deployment base. */
  startUrl: string;
  /** Absolute paths of the icons, with the deployment base. */
  icons: { src: string; sizes: string; type: string }[];
  background: string;
  theme: string;
}

/** The manifest as JSON text. */
export function webManifest(input: ManifestInput): string {
  return JSON.stringify(
    {
      name: input.name,
      short_name: input.name,
      description: input.description,
      lang: input.lang,
      dir: 'ltr',
      start_url: input.startUrl,
      scope: input.startUrl,
      display: 'minimal-ui',
      background_color: input.background,
      theme_color: input.theme,
      icons: input.icons,
    },
    null,
    2,
  );
}
