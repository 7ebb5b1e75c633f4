import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Page geometry and drawing primitives for the booklet. pdfkit places text at
 * absolute positions; this class keeps the cursor (`y`), breaks pages before
 * a block that would not fit (blocks are measured first, so nothing overflows
 * the bottom margin), and remembers which page each section starts on for the
 * contents and the footers, which are drawn once every page exists.
 */

const require = createRequire(import.meta.url);

/** Noto Sans (OFL) from an npm package: embedded, so no system font is ever needed and every accent renders. */
const FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  italic: '@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
  semibold: '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
  bold: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
} as const;
export type FontName = keyof typeof FONT_FILES;

let fonts: Record<FontName, Buffer> | undefined;
function loadFonts(): Record<FontName, Buffer> {
  fonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, readFileSync(require.resolve(file))]),
  ) as Record<FontName, Buffer>;
  return fonts;
}

export const COLORS = {
  ink: '#1f2933',
  muted: '#5f6b7a',
  faint: '#9aa5b1',
  rule: '#d9dee5',
  zebra: '#f5f7fa',
  accent: '#12395b',
  accentSoft: '#e8eef5',
  warn: '#b45309',
};

/** A4 in points, with generous margins. */
export const PAGE = { width: 595.28, height: 841.89, top: 72, bottom: 72, left: 64, right: 64 };
export const CONTENT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const BOTTOM = PAGE.height - PAGE.bottom;

/** `color` mixed with white: `amount` 0 is white, 1 is the colour. */
export function tint(color: string, amount: number): string {
  const n = Number.parseInt(color.slice(1), 16);
  const mix = (c: number): string => Math.round(255 - (255 - c) * amount).toString(16).padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`;
}

/** One line of the booklet's contents page: a section and the page it starts on. */
export interface ContentsEntry {
  title: string;
  page: number;
  level: 1 | 2;
  color?: string;
}

export interface TextStyle {
  font?: FontName;
  size?: number;
  color?: string;
  lineGap?: number;
  align?: 'left' | 'right' | 'center';
}

export class Booklet {
  readonly pdf: PDFKit.PDFDocument;
  y: number = PAGE.top;
  /** Shown at the top of every page after the cover (the current section's title). */
  runningHead = '';
  /** The brand's accent (readableAccent): section bands, headings, the running head's client name. */
  readonly accent: string;
  /** The client's name, at the right of every running head ('' for none). */
  readonly company: string;

  constructor(info: { title: string; language: string; accent?: string; company?: string }) {
    this.accent = info.accent ?? COLORS.accent;
    this.company = info.company ?? '';
    this.pdf = new PDFDocument({
      size: 'A4',
      margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
      bufferPages: true,
      autoFirstPage: false,
      lang: info.language,
      displayTitle: true,
      info: { Title: info.title, Creator: 'Tabella', Producer: 'Tabella' },
    });
    for (const [name, data] of Object.entries(loadFonts())) this.pdf.registerFont(name, data);
    this.pdf.font('regular');
  }

  /** Index (0-based) of the last page. */
  get page(): number {
    const range = this.pdf.bufferedPageRange();
    return range.start + range.count - 1;
  }

  newPage(options: { runningHead?: boolean } = {}): number {
    this.pdf.addPage();
    this.y = PAGE.top;
    if (options.runningHead !== false && this.runningHead) {
      this.style({ font: 'semibold', size: 7.5, color: COLORS.faint });
      const companyWidth = this.company ? CONTENT_WIDTH * 0.4 : 0;
      const head = this.fitLine(this.runningHead.toUpperCase(), CONTENT_WIDTH - 40 - companyWidth);
      this.pdf.text(head, PAGE.left, PAGE.top - 34, { width: CONTENT_WIDTH, lineBreak: false, characterSpacing: 0.6 });
      if (this.company) {
        this.style({ font: 'semibold', size: 7.5, color: this.accent });
        const company = this.fitLine(this.company, companyWidth);
        this.pdf.text(company, PAGE.left, PAGE.top - 34, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      }
      this.pdf.moveTo(PAGE.left, PAGE.top - 20).lineTo(PAGE.width - PAGE.right, PAGE.top - 20)
        .lineWidth(0.5).strokeColor(COLORS.rule).stroke();
    }
    return this.page;
  }

  /** `text` cut to one line of `width` in the current font, with an ellipsis when cut. */
  fitLine(text: string, width: number): string {
    const line = text.replace(/\s+/g, ' ');
    if (this.pdf.widthOfString(line) <= width) return line;
    let lo = 0;
    let hi = line.length;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.pdf.widthOfString(`${line.slice(0, mid).trimEnd()}…`) <= width) lo = mid;
      else hi = mid - 1;
    }
    return `${line.slice(0, lo).trimEnd()}…`;
  }

  style(s: TextStyle): this {
    this.pdf.font(s.font ?? 'regular').fontSize(s.size ?? 10).fillColor(s.color ?? COLORS.ink);
    return this;
  }

  heightOf(text: string, width: number, s: TextStyle): number {
    this.style(s);
    return this.pdf.heightOfString(text || ' ', { width, lineGap: s.lineGap ?? 1.5 });
  }

  /** Draws wrapped text at (x, y) without moving the cursor; returns its height. */
  textAt(text: string, x: number, y: number, width: number, s: TextStyle): number {
    const height = this.heightOf(text, width, s);
    this.style(s);
    this.unbounded(() => this.pdf.text(text || ' ', x, y, { width, lineGap: s.lineGap ?? 1.5, align: s.align ?? 'left' }));
    return height;
  }

  /**
   * Runs `draw` with no bottom margin: pdfkit adds a page by itself when text
   * crosses the margin, which would desynchronise our own page breaks. Every
   * block is measured and placed with `ensure` first, so nothing really
   * overflows; footers draw below the margin on purpose.
   */
  unbounded(draw: () => void): void {
    const margins = this.pdf.page.margins;
    const bottom = margins.bottom;
    margins.bottom = 0;
    try {
      draw();
    } finally {
      margins.bottom = bottom;
    }
  }

  /** Starts a new page if `height` does not fit below the cursor. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  /** Room left on the page below the cursor. */
  get room(): number {
    return BOTTOM - this.y;
  }

  /** A paragraph at the cursor, across the content width (or from `indent`). */
  paragraph(text: string, s: TextStyle, after = 6, indent = 0): void {
    const width = CONTENT_WIDTH - indent;
    const h = this.heightOf(text, width, s);
    this.ensure(h);
    this.textAt(text, PAGE.left + indent, this.y, width, s);
    this.y += h + after;
  }

  /** A section heading, kept with at least `keep` points of what follows. */
  heading(text: string, level: 1 | 2 | 3, keep = 60, color: string = this.accent): void {
    const s: TextStyle = level === 1
      ? { font: 'bold', size: 20, color }
      : level === 2 ? { font: 'bold', size: 14, color } : { font: 'semibold', size: 11.5, color: COLORS.ink };
    const before = level === 1 ? 0 : level === 2 ? 14 : 10;
    const h = this.heightOf(text, CONTENT_WIDTH, s);
    if (this.y > PAGE.top) this.y += before;
    this.ensure(h + keep);
    this.textAt(text, PAGE.left, this.y, CONTENT_WIDTH, s);
    this.y += h + (level === 1 ? 10 : 6);
  }

  /** A full-width coloured band at the top of a page with a label and a title (section openers). */
  band(label: string, title: string, color: string, description = ''): void {
    const width = CONTENT_WIDTH - 40;
    const titleStyle: TextStyle = { font: 'bold', size: 22, color: '#ffffff', lineGap: 1 };
    const descStyle: TextStyle = { size: 10, color: tint(color, 0.15), lineGap: 2 };
    const titleH = this.heightOf(title, width, titleStyle);
    const descH = description ? this.heightOf(description, width, descStyle) + 8 : 0;
    const top = PAGE.top - 12;
    const height = 20 + 14 + 6 + titleH + descH + 20;
    this.pdf.rect(PAGE.left, top, CONTENT_WIDTH, height).fill(color);
    let y = top + 20;
    this.textAt(label.toUpperCase(), PAGE.left + 20, y, width, { font: 'semibold', size: 8.5, color: tint(color, 0.25) });
    y += 20;
    this.textAt(title, PAGE.left + 20, y, width, titleStyle);
    y += titleH + 8;
    if (description) this.textAt(description, PAGE.left + 20, y, width, descStyle);
    this.y = top + height + 22;
  }

  rule(color: string = COLORS.rule, gap = 8): void {
    this.pdf.moveTo(PAGE.left, this.y).lineTo(PAGE.width - PAGE.right, this.y).lineWidth(0.5).strokeColor(color).stroke();
    this.y += gap;
  }

  dot(x: number, y: number, color: string, r = 3.5): void {
    this.pdf.circle(x, y, r).fill(color);
  }

  /** Page numbers (and the title) in the footer of every page; run once at the end. */
  footers(title: string, pageLabel: (n: number, of: number) => string): void {
    const range = this.pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.pdf.switchToPage(i);
      const y = PAGE.height - PAGE.bottom + 30;
      this.pdf.moveTo(PAGE.left, y - 8).lineTo(PAGE.width - PAGE.right, y - 8).lineWidth(0.5).strokeColor(COLORS.rule).stroke();
      this.style({ size: 7.5, color: COLORS.muted });
      this.unbounded(() => {
        this.pdf.text(this.fitLine(title, CONTENT_WIDTH * 0.7), PAGE.left, y, { width: CONTENT_WIDTH * 0.7, lineBreak: false });
        this.pdf.text(pageLabel(i - range.start + 1, range.count), PAGE.left, y, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      });
    }
  }

  async toBuffer(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.pdf.on('end', () => resolve(Buffer.concat(chunks)));
      this.pdf.on('error', reject);
    });
    this.pdf.end();
    return done;
  }
}
