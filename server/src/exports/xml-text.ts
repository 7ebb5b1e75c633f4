import type { Roadmap } from '../../../shared/src/index.js';

/**
 * Text that an office file (Word, PowerPoint, Excel: XML parts in a zip) can
 * carry. A Yjs string can hold any UTF-16 code units, and a facilitator's raw
 * update may put them in any text the guard checks only for type and length
 * (booklet, brand, titles, names, notes); XML 1.0 forbids the C0 controls but
 * tab and line breaks, U+FFFE, U+FFFF and lone surrogates. The three writers
 * escape `<` and `&` but pass those through (docx and pptxgenjs into the
 * document properties and a picture's alt text, exceljs into shared strings,
 * sheet names and app.xml), and an office suite then refuses the whole file.
 * tests/unit/export-hostile-text.test.ts checks every XML part with an
 * independent parser.
 */

/** Whether XML 1.0 can carry this code point (tab, line breaks and every printable character). */
function xmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code > 0xffff;
}

/** `text` without the characters XML 1.0 cannot carry; everything else kept as typed (`<`, `&` are the writers' to escape). */
export function xmlSafe(text: string): string {
  let ok = true;
  for (let i = 0; i < text.length && ok; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      // A high surrogate is fine only as the first half of a pair.
      const next = text.charCodeAt(i + 1);
      ok = next >= 0xdc00 && next <= 0xdfff;
      i++;
    } else {
      ok = code >= 0x20 ? code < 0xdc00 || (code > 0xdfff && code < 0xfffe) : code === 0x9 || code === 0xa || code === 0xd;
    }
  }
  if (ok) return text;
  let out = '';
  // Iterating a string yields code points: a lone surrogate comes out alone (0xd800-0xdfff) and is dropped.
  for (const ch of text) if (xmlChar(ch.codePointAt(0)!)) out += ch;
  return out;
}

/**
 * A copy of `roadmap` whose every string is xmlSafe, for the office writers:
 * cleaning once at their entry covers every place a user's text can land
 * (body, headers, sheet names, document properties, alt texts), including
 * places a future change adds. Objects shared between lists (a placed item
 * in a stage and in `votes`) stay shared in the copy; bytes (the logo) are
 * kept as they are. A roadmap with nothing to clean is returned as it is.
 */
export function xmlSafeRoadmap(roadmap: Roadmap): Roadmap {
  const copies = new Map<object, unknown>();
  let changed = false;
  const visit = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const safe = xmlSafe(value);
      if (safe !== value) changed = true;
      return safe;
    }
    if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;
    const seen = copies.get(value);
    if (seen !== undefined) return seen;
    if (Array.isArray(value)) {
      const copy: unknown[] = [];
      copies.set(value, copy);
      for (const item of value) copy.push(visit(item));
      return copy;
    }
    if (value instanceof Map) {
      const copy = new Map<unknown, unknown>();
      copies.set(value, copy);
      for (const [k, v] of value) copy.set(visit(k), visit(v));
      return copy;
    }
    if (value instanceof Set) {
      const copy = new Set<unknown>();
      copies.set(value, copy);
      for (const v of value) copy.add(visit(v));
      return copy;
    }
    const copy: Record<string, unknown> = {};
    copies.set(value, copy);
    for (const [k, v] of Object.entries(value)) copy[k] = visit(v);
    return copy;
  };
  const safe = visit(roadmap) as Roadmap;
  return changed ? safe : roadmap;
}
