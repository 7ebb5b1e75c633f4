import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Texts = { [key: string]: string | Texts };
const load = (lng: string) => JSON.parse(
  readFileSync(new URL(`../../client/src/i18n/${lng}.json`, import.meta.url), 'utf8'),
) as Texts;
const en = load('en');
const it_ = load('it');

function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

describe('the client texts in English and Italian', () => {
  const flatEn = flatten(en);
  const flatIt = flatten(it_);

  it('have the same keys', () => {
    expect([...flatIt.keys()].filter((k) => !flatEn.has(k))).toEqual([]);
    expect([...flatEn.keys()].filter((k) => !flatIt.has(k))).toEqual([]);
  });

  it('call a parked note by one Italian word on the board, the table and the discussion (as the exports do)', () => {
    const parked = ['status.parked', 'status.key.parked', 'table.bulk.park', 'table.keys.park', 'discuss.park']
      .map((k) => flatIt.get(k) ?? '');
    expect(parked.every((text) => /^Accantona/.test(text))).toBe(true);
    // No second word for the same status anywhere in the Italian texts.
    expect([...flatIt.values()].filter((text) => /sospes|sospend|rinviat/i.test(text))).toEqual([]);
  });
});
