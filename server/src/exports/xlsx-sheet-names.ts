/**
 * Sheet names Excel accepts, from names users typed (department names):
 * at most 31 UTF-16 units, none of `[ ] : * ? / \`, no control characters,
 * not empty, not "History" (Excel reserves it), unique ignoring case.
 * Apostrophes become typographic ones: a name may not start or end with `'`,
 * and a plain one inside would have to be doubled in every reference to the
 * sheet (print titles, defined names), which exceljs does not do.
 */
export const SHEET_NAME_MAX = 31;
const FORBIDDEN = /[[\]:*?/\\]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `name` cut to `max` UTF-16 units without splitting a surrogate pair, trailing spaces dropped. */
function cut(name: string, max: number): string {
  let out = '';
  for (const ch of name) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out.trimEnd();
}

export function cleanSheetName(name: string): string {
  return cut(name.replace(CONTROL, ' ').replace(FORBIDDEN, ' ').replace(/'/g, '’').replace(/\s+/g, ' ').trim(), SHEET_NAME_MAX);
}

/** Hands out valid, distinct sheet names; names already used (the fixed sheets) are reserved first. */
export class SheetNamer {
  private readonly taken = new Set<string>(['history']);

  /** Claims `name` exactly (a fixed sheet's name, already valid). */
  reserve(name: string): string {
    this.taken.add(key(name));
    return name;
  }

  /** A valid name close to `wanted`, `fallback` when nothing of it is usable, with " (2)", " (3)"... on a clash. */
  claim(wanted: string, fallback: string): string {
    const base = cleanSheetName(wanted) || cleanSheetName(fallback);
    let name = base;
    for (let n = 2; this.taken.has(key(name)); n++) {
      const suffix = ` (${n})`;
      name = `${cut(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
    }
    this.taken.add(key(name));
    return name;
  }
}

/** Excel compares sheet names ignoring case, accented letters included. */
function key(name: string): string {
  return name.toLocaleUpperCase('en').toLocaleLowerCase('en');
}
