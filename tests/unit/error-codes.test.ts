import { readFileSync } from 'node:fs';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import {
  BACKUP_PROBLEMS, ERROR_CODES, OPERATION_ERROR_CODES, OperationError, RULES, TEXT_FIELDS, WRITE_LIMITS, addNote,
  localOrigin, refusalReason, type RuleId,
} from '../../shared/src/index.js';
import { ApiError } from '../../client/src/api/serverApi.js';
import { codeText, errorText } from '../../client/src/i18n/errorText.js';
import { refusalText } from '../../client/src/i18n/refusalText.js';
import { ALICE, smallBoard } from './helpers.js';

/**
 * Every code a user can be shown (operations, HTTP refusals, refused updates
 * and the limits they name, backup problems) has words in English and in
 * Italian, looked up the way the client looks them up. Each language alone:
 * an Italian reader never falls back to English.
 */
const LANGUAGES = ['en', 'it'] as const;
const resources = (lang: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../client/src/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, unknown>;

async function translator(lang: (typeof LANGUAGES)[number]): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources: { [lang]: { translation: resources(lang) } },
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    // A missing key would come back as the key itself; make it empty so the checks below catch it.
    parseMissingKeyHandler: () => '',
  });
  return instance.t;
}

/** Sample values for every parameter a code is sent with. */
const PARAMS = { field: 'note-text', max: 3, count: 2, key: 'legal', id: 'n1', seconds: 5, hours: 4, version: 2, mib: 16 };

/** Every code and the words for it, in one language, as the client produces them. */
function wordsFor(t: TFunction): [string, string][] {
  return [
    ...OPERATION_ERROR_CODES.map((code): [string, string] => [`operation.${code}`, codeText(t, code, PARAMS)]),
    ...Object.keys(TEXT_FIELDS).map((field): [string, string] => [`fields.${field}`, t(`fields.${field}`)]),
    ...ERROR_CODES.map((code): [string, string] => [`api.${code}`, codeText(t, code, PARAMS)]),
    ...BACKUP_PROBLEMS.map((problem): [string, string] => [`backup.${problem}`, codeText(t, 'backup-invalid', { ...PARAMS, problem })]),
    ...(Object.keys(RULES) as RuleId[]).map((rule): [string, string] =>
      [`rules.${rule}`, refusalText(t, refusalReason({ ok: false, rule, reason: RULES[rule] }))]),
    ...WRITE_LIMITS.map((limit): [string, string] =>
      [`limits.${limit}`, refusalText(t, refusalReason({ ok: false, rule: 'R11', limit, reason: 'English for the log' }))]),
  ];
}

describe('every error a user can see has words in both languages', () => {
  it('each code is worded, non-empty, with its parameters filled in, in English and in Italian', async () => {
    const words = await Promise.all(LANGUAGES.map(async (lang) => new Map(wordsFor(await translator(lang)))));
    const [en, it] = words as [Map<string, string>, Map<string, string>];
    for (const [lang, map] of [['en', en], ['it', it]] as const) {
      for (const [key, text] of map) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(text, `${lang} ${key}`).not.toMatch(/\{\{|\}\}|^(operation|fields|api|backup|rules|limits)\./);
      }
    }
    // Italian is not English copied over: every message differs.
    for (const [key, text] of en) expect(it.get(key), key).not.toBe(text);
    // A text field's name is worded in the reader's language too.
    expect(en.get('operation.text-too-long')).toBe('Note text: at most 3 characters.');
    expect(it.get('operation.text-too-long')).toBe('Testo della nota: al massimo 3 caratteri.');
  });

  it('operation codes and HTTP codes are disjoint, so an API answer names exactly one', () => {
    expect(ERROR_CODES.filter((c) => (OPERATION_ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
  });

  it('a failed operation, an API refusal and a refused update reach an Italian reader in Italian', async () => {
    const t = await translator('it');
    const { doc } = smallBoard();
    let thrown: unknown;
    try {
      addNote(doc, { stageId: 'gone' }, ALICE, localOrigin('alice'));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(OperationError);
    expect(errorText(t, thrown)).toBe('Questa fase non esiste più.');
    expect(errorText(t, new ApiError(409, 'another member of this board already uses this name', 'name-taken')))
      .toBe('Qualcuno su questa lavagna usa già questo nome. Aggiungi un cognome o un\'iniziale.');
    expect(errorText(t, new ApiError(429, 'too many joins', 'rate-limited', { seconds: 7 }))).toBe('Troppe richieste dalla tua rete: riprova tra 7 s.');
    // An answer that is not the server's (a proxy's page) and a server that cannot be reached.
    expect(errorText(t, new ApiError(502, 'Bad Gateway'))).toBe('Qualcosa è andato storto. Riprova.');
    expect(errorText(t, new TypeError('Failed to fetch'))).toBe('Impossibile raggiungere il server');
    expect(refusalText(t, 'R4: you can only edit, move or delete your own notes')).toBe('Puoi modificare, spostare o eliminare solo le tue note.');
    expect(refusalText(t, 'R11/person-quota: you have written as much as one person may on this board'))
      .toBe('Hai scritto quanto una persona può scrivere su questa lavagna.');
    // A reason from a server this client does not understand still says what happened.
    expect(refusalText(t, 'something else')).toBe('Il server non ha accettato la tua ultima modifica. La lavagna è stata ricaricata.');
  });
});
