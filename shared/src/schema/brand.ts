import type * as Y from 'yjs';
import { COLOR_PATTERN, type Problem } from './fields.js';

/**
 * The client's brand on the deliverables' covers and headers, in the `brand`
 * root map (plain values):
 * - `companyName` (string, at most BRAND_NAME_MAX) and `accentColor`
 *   (`#rrggbb`): written by facilitators;
 * - `logo` (the image's bytes), `logoType` (`png` | `jpeg`), `logoWidth`,
 *   `logoHeight` (pixels): written by the server only, after decoding the
 *   uploaded image (server/src/brand/); nobody's update may write them (rule R13).
 */
export const BRAND_NAME_MAX = 120;
export const LOGO_MAX_BYTES = 512 * 1024;
/** Largest side in pixels, and largest area, the server decodes. */
export const LOGO_MAX_SIDE = 4096;
export const LOGO_MAX_PIXELS = 8_000_000;
export const LOGO_TYPES = ['png', 'jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** Brand keys only the server writes. */
export const LOGO_KEYS: readonly string[] = ['logo', 'logoType', 'logoWidth', 'logoHeight'];
/** Brand keys facilitators write. */
export const BRAND_TEXT_KEYS: readonly string[] = ['companyName', 'accentColor'];

export interface BrandLogo {
  bytes: Uint8Array;
  type: LogoType;
  width: number;
  height: number;
}

export interface Brand {
  companyName: string;
  /** `#rrggbb`, or '' when the client has none (exports use their own blue). */
  accentColor: string;
  logo: BrandLogo | null;
}

/** The accent exports use when the brand has none. */
export const DEFAULT_ACCENT = '#12395b';

/** Why a facilitator's `value` cannot be stored at `key` of the brand root, or undefined when it can. */
export function brandEntryProblem(key: string, value: unknown): string | undefined {
  if (key === 'companyName') {
    if (typeof value !== 'string') return 'brand/companyName must be plain text';
    return value.length > BRAND_NAME_MAX ? `brand/companyName is longer than ${BRAND_NAME_MAX}` : undefined;
  }
  if (key === 'accentColor') {
    return typeof value === 'string' && (value === '' || COLOR_PATTERN.test(value)) ? undefined : 'brand/accentColor must be #rrggbb';
  }
  return `brand/${key.slice(0, 40)} is not a brand setting`;
}

function readLogo(map: Y.Map<unknown>, problems: Problem[]): BrandLogo | null {
  const bytes = map.get('logo');
  if (bytes === undefined) return null;
  const type = map.get('logoType');
  const width = map.get('logoWidth');
  const height = map.get('logoHeight');
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n > 0 && n <= LOGO_MAX_SIDE;
  if (!(bytes instanceof Uint8Array) || bytes.length > LOGO_MAX_BYTES || !(LOGO_TYPES as readonly unknown[]).includes(type)
    || !whole(width) || !whole(height)) {
    problems.push({ collection: 'brand', id: 'logo', message: 'the logo is not a stored image' });
    return null;
  }
  return { bytes, type: type as LogoType, width, height };
}

export function readBrand(map: Y.Map<unknown>, problems: Problem[]): Brand {
  const brand: Brand = { companyName: '', accentColor: '', logo: readLogo(map, problems) };
  for (const key of BRAND_TEXT_KEYS) {
    const value = map.get(key);
    if (value === undefined) continue;
    const problem = brandEntryProblem(key, value);
    if (problem) problems.push({ collection: 'brand', id: key, message: problem });
    else brand[key as 'companyName' | 'accentColor'] = (value as string).trim();
  }
  return brand;
}
