/**
 * The ICO container: a 6-byte header, a 16-byte entry per image, then the images. Since Windows
 * Vista an entry may hold a whole PNG file, which every browser and feed reader accepts, so a
 * favicon.ico is only a few bytes of header around PNGs rendered elsewhere.
 */

/** Width and height of a PNG, from its IHDR chunk; throws for data that is not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.length < 24 || signature.some((b, i) => png[i] !== b)) throw new Error('not a PNG file');
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** An ICO file holding the given square PNGs (at most 256 px each). */
export function icoFromPngs(pngs: Uint8Array[]): Uint8Array {
  const header = 6 + 16 * pngs.length;
  const out = new Uint8Array(header + pngs.reduce((n, p) => n + p.length, 0));
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, pngs.length, true);
  let offset = header;
  pngs.forEach((png, i) => {
    const { width, height } = pngSize(png);
    if (width > 256 || height > 256) throw new Error(`an icon image is at most 256 px, not ${width}×${height}`);
    const entry = 6 + 16 * i;
    out[entry] = width === 256 ? 0 : width; // 0 means 256
    out[entry + 1] = height === 256 ? 0 : height;
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}

/** The sizes of the images in an ICO file, for checking one. */
export function icoSizes(ico: Uint8Array): number[] {
  const view = new DataView(ico.buffer, ico.byteOffset, ico.byteLength);
  if (view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error('not an ICO file');
  return Array.from({ length: view.getUint16(4, true) }, (_, i) => ico[6 + 16 * i] || 256);
}
