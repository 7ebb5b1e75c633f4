import { DEFAULT_ACCENT } from '../schema/brand.js';

function channels(hex: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Contrast ratio of white text on `hex`. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(hex) + 0.05);
}

/**
 * The accent the deliverables use: the client's colour, darkened in steps
 * until white text on it reads at WCAG AA (4.5:1), since covers, bands and
 * header rows set white text on it; the default when the client has none.
 */
export function readableAccent(color: string): string {
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) return DEFAULT_ACCENT;
  let [r, g, b] = channels(color);
  let hex = color.toLowerCase();
  for (let i = 0; i < 40 && contrastWithWhite(hex) < 4.5; i++) {
    [r, g, b] = [r, g, b].map((c) => Math.floor(c * 0.93)) as [number, number, number];
    hex = `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
  }
  return hex;
}
