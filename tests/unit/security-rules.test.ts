import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../shared/src/index.js';

/**
 * docs/security.md, the rules the server enforces (RULES) and the tests that
 * enforce them are one list: every rule of the document's table is a RULES id,
 * and at least one test names it in its title, e.g. `E1 (R4): ...`.
 */
const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');

/** The ids of the table under "### Rules", in its order. */
function documentedRules(): string[] {
  const section = read('docs/security.md').split('### Rules')[1]!.split('\n### ')[0]!;
  return [...section.matchAll(/^\| (R\d+) \|/gm)].map((m) => m[1]!);
}

/** The rule ids named in the titles of the unit and integration tests. */
function testedRules(): Map<string, string[]> {
  const byRule = new Map<string, string[]>();
  for (const dir of ['tests/unit/', 'tests/integration/']) {
    for (const file of readdirSync(new URL(dir, root)).filter((f) => f.endsWith('.test.ts'))) {
      for (const [, , title] of read(dir + file).matchAll(/\bit\(\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1/g)) {
        for (const [id] of title!.matchAll(/\bR\d+\b/g)) byRule.set(id, [...(byRule.get(id) ?? []), `${file}: ${title}`]);
      }
    }
  }
  return byRule;
}

describe('docs/security.md, RULES and the enforcement tests name the same rules', () => {
  it('the document\'s rule table lists exactly the ids of RULES', () => {
    expect(documentedRules()).toEqual(Object.keys(RULES));
  });

  it('every documented rule has at least one test naming it, and tests name no other rule', () => {
    const tested = testedRules();
    const untested = documentedRules().filter((id) => !tested.has(id));
    expect(untested, 'rules without a test').toEqual([]);
    expect([...tested.keys()].filter((id) => !Object.hasOwn(RULES, id)), 'tests naming an unknown rule').toEqual([]);
  });
});
