import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { icoFromPngs, icoSizes, pngSize } from '../../src/lib/ico';
import { webManifest } from '../../src/lib/manifest';

const pub = (name: string) => new Uint8Array(readFileSync(`public/${name}`));

/** A minimal valid PNG header (signature and IHDR) of the given size, enough for the ICO writer. */
function fakePng(size: number): Uint8Array {
  const png = new Uint8Array(33);
  png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(png.buffer);
  view.setUint32(16, size);
  view.setUint32(20, size);
  return png;
}

describe('favicon.ico', () => {
  it('packs PNGs behind an ICO header and reads their sizes back', () => {
    const ico = icoFromPngs([fakePng(16), fakePng(32), fakePng(256)]);
    expect(icoSizes(ico)).toEqual([16, 32, 256]);
    expect(new DataView(ico.buffer).getUint32(6 + 12, true)).toBe(6 + 16 * 3);
  });

  it('refuses what it cannot hold', () => {
    expect(() => icoFromPngs([fakePng(512)])).toThrow('at most 256 px');
    expect(() => pngSize(new Uint8Array([1, 2, 3]))).toThrow('not a PNG file');
  });

  it('is in public/ with 16, 32 and 48 px images, beside the manifest icons', () => {
    expect(icoSizes(pub('favicon.ico'))).toEqual([16, 32, 48]);
    expect(pngSize(pub('icon-192.png'))).toEqual({ width: 192, height: 192 });
    expect(pngSize(pub('icon-512.png'))).toEqual({ width: 512, height: 512 });
    expect(pngSize(pub('apple-touch-icon.png'))).toEqual({ width: 180, height: 180 });
  });
});

describe('web app manifest', () => {
  it('names the site in its language and lists its icons', () => {
    const manifest = JSON.parse(
      webManifest({
        name: 'Lambda 还是 Fargate',
        description: 'd',
        lang: 'zh-CN',
        startUrl: '/zh/',
        icons: [{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' }],
        background: '#fff',
        theme: '#000',
      }),
    );
    expect(manifest).toMatchObject({ name: 'Lambda 还是 Fargate', lang: 'zh-CN', start_url: '/zh/', scope: '/zh/' });
    expect(manifest.icons[0].sizes).toBe('192x192');
  });
});
