import { DEFAULT_ACCENT, contrastWithWhite, type Brand, type BrandLogo } from '../../../shared/src/index.js';

/** The brand's accent, or the exports' own blue when the client has none. */
export const accentOf = (brand: Brand): string => brand.accentColor || DEFAULT_ACCENT;

/** Whether text in `hex` reads on white (WCAG AA, 4.5:1): a pale accent only colours lines, never words. */
export const readableOnWhite = (hex: string): boolean => contrastWithWhite(hex) >= 4.5;

/** One Blob URL per stored logo (by its bytes, which the board reader hands over unchanged until the logo changes). */
const logoUrls = new WeakMap<Uint8Array, string>();

/**
 * A URL the page can show the stored logo from, or undefined without a logo.
 * The URLs are kept for the page's life rather than revoked: a logo is at most
 * 512 KiB and changes a few times a workshop, and a URL revoked under a view
 * (or under React's double render in development) would show a broken image.
 */
export function logoUrl(logo: BrandLogo | null): string | undefined {
  if (!logo) return undefined;
  let url = logoUrls.get(logo.bytes);
  if (!url) {
    url = URL.createObjectURL(new Blob([logo.bytes.slice()], { type: `image/${logo.type}` }));
    logoUrls.set(logo.bytes, url);
  }
  return url;
}
