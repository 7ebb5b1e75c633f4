/**
 * Text measurement for the deck (roadmap.pptx); pptx-flow lays slides out with it.
 *
 * A slide's text boxes never rely on PowerPoint's or LibreOffice's autofit
 * (they differ): every box is sized here from an estimate of its text that is
 * meant to be larger than what any of them draws, and content that does not
 * fit moves to a "continued" slide. The estimate (tests/unit/export-pptx
 * checks every slide against a simpler one of its own):
 * - character widths from a table close to DejaVu Sans (what LibreOffice
 *   falls back to when Arial and Liberation Sans are missing, and wider than
 *   both), never below FLOOR_EM (BOLD_FLOOR_EM in bold) for a visible
 *   character; bold is BOLD_FACTOR wider (DejaVu Sans Bold's lower case is
 *   up to 12% wider than its regular);
 * - greedy wrapping at spaces; a word wider than the line is broken between
 *   characters (LibreOffice and PowerPoint break it too);
 * - LINE_HEIGHT times the font size per line (the fonts' own line spacing is
 *   about 1.15), plus the box's insets;
 * - the usable width is WIDTH_SAFETY of the box's inner width.
 * All lengths are inches, font sizes points.
 */

export const SLIDE = { width: 13.333, height: 7.5 } as const;
/** The one font the deck sets on every run. */
export const FONT = 'Arial';
export const LINE_HEIGHT = 1.2;
export const FLOOR_EM = 0.55;
export const BOLD_FLOOR_EM = 0.6;
export const BOLD_FACTOR = 1.13;
const WIDTH_SAFETY = 0.97;
/** Inset of every text box, in points (pptxgenjs `margin`), and in inches. */
export const BOX_INSET_PT = 3;
export const BOX_INSET = BOX_INSET_PT / 72;

export interface TextStyle {
  size: number;
  bold?: boolean;
  italic?: boolean;
  color?: string;
}

/** Advance widths in em, roughly DejaVu Sans (rounded up). */
const WIDTHS: Record<string, number> = {};
function set(chars: string, em: number): void {
  for (const c of chars) WIDTHS[c] = em;
}
set(' ', 0.32);
set('iIjl.,:;\'|·', 0.32);
set('ftr()[]/\\-!', 0.44);
set('0123456789{}«»‹›', 0.64);
set('abcdeghknopqsuvxyz', 0.64);
set('m', 0.98);
set('w', 0.83);
set('ABCDEFGHJKLNOPQRSTUVXYZ', 0.8);
set('MW', 1.0);
set('"*°`–_?', 0.6);
set('&#=+<>^~$€£', 0.86);
set('@%—…', 1.0);
set('‘’‚', 0.32);
set('“”„•', 0.6);
/** Anything else (other scripts, symbols, emoji): a full em. */
const OTHER_EM = 1.0;

const baseCache = new Map<string, string>();
/** The letter under an accent (è -> e), so accented text measures like its letters. */
function base(c: string): string {
  let b = baseCache.get(c);
  if (b === undefined) {
    b = c.normalize('NFD')[0] ?? c;
    baseCache.set(c, b);
  }
  return b;
}

/** Width of one character in em. */
function charEm(c: string, bold: boolean): number {
  const plain = WIDTHS[c] ?? WIDTHS[base(c)] ?? OTHER_EM;
  if (c === ' ') return bold ? plain * BOLD_FACTOR : plain;
  return bold ? Math.max(plain * BOLD_FACTOR, BOLD_FLOOR_EM) : Math.max(plain, FLOOR_EM);
}

/** Width of a text on one line, in inches. */
export function textWidth(text: string, style: TextStyle): number {
  let em = 0;
  for (const c of text) em += charEm(c, style.bold ?? false);
  return (em * style.size) / 72;
}

/**
 * Control characters (other than line breaks) out, tabs as spaces, line
 * breaks unified: what the deck writes is exactly what this module measures.
 */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\t\v\f\u00a0]/g, ' ').replace(/[\u0000-\u0008\u000e-\u001f\u007f\ufffe\uffff]/g, '');
}

/** The text's paragraphs (a line break starts a new one). */
export function paragraphsOf(text: string): string[] {
  return cleanText(text).split('\n');
}

/** One wrapped line; `joinWithSpace` when the wrap happened at a space (so joining lines back needs it). */
export interface Line {
  text: string;
  joinWithSpace: boolean;
}

/** Wraps one paragraph (no line breaks) into lines of at most `width` inches. Always at least one line. */
export function wrapParagraph(paragraph: string, style: TextStyle, width: number): Line[] {
  const usable = Math.max(0.05, width * WIDTH_SAFETY);
  const spaceW = textWidth(' ', style);
  const words = paragraph.split(' ');
  const lines: Line[] = [];
  let current = '';
  let currentW = 0;
  const flush = (joinWithSpace: boolean): void => {
    lines.push({ text: current, joinWithSpace });
    current = '';
    currentW = 0;
  };
  for (const word of words) {
    const wordW = textWidth(word, style);
    const needed = current === '' ? wordW : currentW + spaceW + wordW;
    if (needed <= usable) {
      current = current === '' ? word : `${current} ${word}`;
      currentW = needed;
      continue;
    }
    if (current !== '') flush(true);
    if (wordW <= usable) {
      current = word;
      currentW = wordW;
      continue;
    }
    // A word wider than the line: broken between characters.
    for (const c of word) {
      const w = textWidth(c, style);
      if (current !== '' && currentW + w > usable) flush(false);
      current += c;
      currentW += w;
    }
  }
  if (current !== '' || lines.length === 0) lines.push({ text: current, joinWithSpace: false });
  return lines;
}

export function lineHeight(size: number): number {
  return (size * LINE_HEIGHT) / 72;
}

/** Lines a text (with its line breaks) takes in `width`. */
export function lineCount(text: string, style: TextStyle, width: number): number {
  let n = 0;
  for (const p of paragraphsOf(text)) n += wrapParagraph(p, style, width).length;
  return n;
}

/** A paragraph of a text box: one style, `spaceBefore` in points. */
export interface Para {
  text: string;
  style: TextStyle;
  spaceBefore?: number;
  align?: 'left' | 'center' | 'right';
}

/** Height of paragraphs inside a box of outer width `width` (insets included). */
export function boxHeight(paras: readonly Para[], width: number, inset = BOX_INSET): number {
  let h = 2 * inset;
  for (const p of paras) h += paraHeight(p, width - 2 * inset);
  return h;
}

/** Height of one paragraph in an inner width (no insets). */
export function paraHeight(p: Para, innerWidth: number): number {
  return (p.spaceBefore ?? 0) / 72 + lineCount(p.text, p.style, innerWidth) * lineHeight(p.style.size);
}

/** The largest size (of `sizes`, largest first) at which `text` takes at most `maxLines` lines; else the smallest. */
export function fitSize(text: string, style: Omit<TextStyle, 'size'>, width: number, sizes: readonly number[], maxLines: number): number {
  for (const size of sizes) if (lineCount(text, { ...style, size }, width) <= maxLines) return size;
  return sizes[sizes.length - 1]!;
}

/**
 * Splits paragraphs into consecutive pieces, each at most `maxHeight` tall
 * (inner height: no insets), the first at most `firstMaxHeight`. A paragraph
 * is cut between its wrapped lines; a piece always holds at least one line.
 */
export function splitParas(paras: readonly Para[], innerWidth: number, maxHeight: number, firstMaxHeight = maxHeight): Para[][] {
  const pieces: Para[][] = [[]];
  let room = firstMaxHeight;
  for (const p of paras) {
    const lh = lineHeight(p.style.size);
    const before = (p.spaceBefore ?? 0) / 72;
    const whole = paraHeight(p, innerWidth);
    if (whole <= room) {
      pieces[pieces.length - 1]!.push(p);
      room -= whole;
      continue;
    }
    // Line by line: each paragraph (line break) of the text, then its wrapped lines.
    const lines: Line[] = [];
    paragraphsOf(p.text).forEach((sub, i, all) => {
      const wrapped = wrapParagraph(sub, p.style, innerWidth);
      lines.push(...wrapped.map((l, j) => ({ ...l, joinWithSpace: j === wrapped.length - 1 ? false : l.joinWithSpace })));
      if (i < all.length - 1) lines[lines.length - 1] = { ...lines[lines.length - 1]!, text: `${lines[lines.length - 1]!.text}\n` };
    });
    let taken = 0;
    let first = true;
    while (taken < lines.length) {
      const head = first ? before : 0;
      let n = Math.floor((room - head + 1e-9) / lh);
      const current = pieces[pieces.length - 1]!;
      if (n < 1) {
        if (current.length === 0 && room >= maxHeight) n = 1; // a page too small for one line: one line anyway
        else {
          pieces.push([]);
          room = maxHeight;
          continue;
        }
      }
      const chunk = lines.slice(taken, taken + n);
      taken += chunk.length;
      const text = chunk.map((l, i) => (i < chunk.length - 1 && l.joinWithSpace ? `${l.text} ` : l.text)).join('').replace(/\n$/, '');
      current.push({ ...p, text, spaceBefore: first ? p.spaceBefore : 0 });
      room -= head + chunk.length * lh;
      first = false;
      if (taken < lines.length) {
        pieces.push([]);
        room = maxHeight;
      }
    }
  }
  return pieces.filter((piece, i) => piece.length > 0 || i === 0);
}
