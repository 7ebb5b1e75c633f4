import { DEFAULT_ACCENT, type Brand, type BrandLogo } from '../../../shared/src/index.js';

/** The brand's accent, or the exports' own blue when the client has none. */
export const accentOf = (brand: Brand): string => brand.accentColor || DEFAULT_ACCENT;

function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** Whether text in `hex` reads on white (WCAG AA, 4.5:1): a pale accent only colours lines, never words. */
export function readableOnWhite(hex: string): boolean {
  return 1.05 / (luminance(hex) + 0.05) >= 4.5;
}

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
