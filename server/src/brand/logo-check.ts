import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
// The schema module alone: a worker imports this, and starts faster without the whole model.
import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS, LOGO_MAX_SIDE, type BrandLogo } from '../../../shared/src/schema/brand.js';

/** Why an upload is not a logo: `too-large` (bytes or pixels) or `not-an-image`. */
export class LogoRefused extends Error {
  constructor(
    readonly problem: 'too-large' | 'not-an-image',
    message: string,
  ) {
    super(message);
    this.name = 'LogoRefused';
  }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

function checkSize(width: number, height: number): void {
  if (!(width > 0 && height > 0)) throw new LogoRefused('not-an-image', 'the image has no pixels');
  if (width > LOGO_MAX_SIDE || height > LOGO_MAX_SIDE || width * height > LOGO_MAX_PIXELS) {
    throw new LogoRefused('too-large', `the logo may be at most ${LOGO_MAX_SIDE} pixels a side and ${LOGO_MAX_PIXELS / 1e6} megapixels`);
  }
}

/**
 * Decides what an uploaded file is by decoding it, never by its name or
 * Content-Type: a PNG or a JPEG whose every pixel decodes, within the size
 * limits (checked from the header before anything is inflated, so a small
 * file that claims a huge image costs nothing). A PNG is stored re-encoded
 * by pngjs (8-bit RGBA, not interlaced), so every renderer (PDF, Word,
 * PowerPoint, browsers) reads the same plain file and nothing hidden in
 * ancillary chunks travels on; a JPEG is stored as uploaded, since
 * re-encoding it would lose quality, after a full decode proved it sound.
 * Runs in a worker thread (logo-runner.ts): decoding is CPU work.
 */
export function checkLogo(bytes: Uint8Array): BrandLogo {
  if (bytes.length > LOGO_MAX_BYTES) throw new LogoRefused('too-large', `the logo may be at most ${LOGO_MAX_BYTES / 1024} KiB`);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, PNG_SIGNATURE)) {
    // IHDR is the first chunk: length (4), "IHDR" (4), width (4), height (4).
    if (bytes.length < 33 || buffer.toString('latin1', 12, 16) !== 'IHDR') throw new LogoRefused('not-an-image', 'not a valid PNG file');
    checkSize(buffer.readUInt32BE(16), buffer.readUInt32BE(20));
    let png: PNG;
    try {
      png = PNG.sync.read(buffer, { checkCRC: true });
    } catch {
      throw new LogoRefused('not-an-image', 'the PNG file is damaged or not a PNG');
    }
    checkSize(png.width, png.height);
    const clean = PNG.sync.write(png, { colorType: 6, inputHasAlpha: true, deflateLevel: 9 });
    if (clean.length > LOGO_MAX_BYTES) throw new LogoRefused('too-large', `the logo may be at most ${LOGO_MAX_BYTES / 1024} KiB`);
    return { bytes: new Uint8Array(clean), type: 'png', width: png.width, height: png.height };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    let image: { width: number; height: number };
    try {
      image = jpeg.decode(buffer, {
        useTArray: true,
        maxResolutionInMP: LOGO_MAX_PIXELS / 1e6,
        maxMemoryUsageInMB: 128,
        tolerantDecoding: false,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : '';
      if (/maxResolutionInMP|maxMemoryUsageInMB/.test(message)) throw new LogoRefused('too-large', 'the JPEG image is too large');
      throw new LogoRefused('not-an-image', 'the JPEG file is damaged or not a JPEG');
    }
    checkSize(image.width, image.height);
    return { bytes: new Uint8Array(bytes), type: 'jpeg', width: image.width, height: image.height };
  }
  throw new LogoRefused('not-an-image', 'the logo must be a PNG or JPEG image');
}
