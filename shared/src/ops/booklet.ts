import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { BOOKLET_SUMMARY_MAX, BOOKLET_TEXT_MAX, segmentSummaryKey, stageSummaryKey, type BookletKey } from '../schema/booklet.js';
import { BRAND_NAME_MAX, type BrandLogo } from '../schema/brand.js';
import { COLOR_PATTERN } from '../schema/fields.js';
import { roots } from '../schema/layout.js';
import { cleanText, invalid, notFound } from './errors.js';

/**
 * The facilitator's texts for the deliverables (schema/booklet.ts). An empty
 * text deletes the entry, so a cleared summary leaves nothing behind.
 */
export type BookletTarget = { key: BookletKey } | { segmentId: string } | { stageId: string };

export function setBookletText(doc: Y.Doc, target: BookletTarget, text: string, origin: Origin): void {
  const r = roots(doc);
  let key: string;
  let max = BOOKLET_SUMMARY_MAX;
  if ('key' in target) {
    key = target.key;
    max = BOOKLET_TEXT_MAX;
  } else if ('segmentId' in target) {
    if (!r.segments.has(target.segmentId)) notFound('Segment', target.segmentId);
    key = segmentSummaryKey(target.segmentId);
  } else {
    if (!r.stages.has(target.stageId)) notFound('Stage', target.stageId);
    key = stageSummaryKey(target.stageId);
  }
  // Line breaks are kept (paragraphs); only the ends are trimmed.
  const clean = cleanText(text, 'booklet-text', max);
  doc.transact(() => {
    if (clean === '') r.booklet.delete(key);
    else if (r.booklet.get(key) !== clean) r.booklet.set(key, clean);
  }, origin);
}

/** Company name and accent colour (`#rrggbb`, or '' for none); the logo is the server's (server/src/brand/). */
export function setBrand(doc: Y.Doc, patch: { companyName?: string; accentColor?: string }, origin: Origin): void {
  const brand = roots(doc).brand;
  const name = patch.companyName === undefined ? undefined : cleanText(patch.companyName, 'company-name', BRAND_NAME_MAX);
  const color = patch.accentColor?.trim();
  if (color !== undefined && color !== '' && !COLOR_PATTERN.test(color)) invalid('invalid-color', 'Accent colour must be #rrggbb');
  doc.transact(() => {
    if (name !== undefined) {
      if (name === '') brand.delete('companyName');
      else brand.set('companyName', name);
    }
    if (color !== undefined) {
      if (color === '') brand.delete('accentColor');
      else brand.set('accentColor', color.toLowerCase());
    }
  }, origin);
}

/**
 * The server's write of a logo it decoded (server/src/brand/), or its removal
 * (`null`). Participants' and facilitators' updates may not write these keys (R13).
 */
export function setLogo(doc: Y.Doc, logo: BrandLogo | null, origin: Origin): void {
  const brand = roots(doc).brand;
  doc.transact(() => {
    if (!logo) {
      for (const key of ['logo', 'logoType', 'logoWidth', 'logoHeight']) brand.delete(key);
      return;
    }
    // A plain Uint8Array: Yjs stores binary content only for that exact class (a Node Buffer would throw).
    brand.set('logo', new Uint8Array(logo.bytes));
    brand.set('logoType', logo.type);
    brand.set('logoWidth', logo.width);
    brand.set('logoHeight', logo.height);
  }, origin);
}
