import type * as Y from 'yjs';
import { FieldErrors, type Problem } from './fields.js';
import { SCHEMA_VERSION } from './version.js';

export const LANGUAGES = ['en', 'it'] as const;
export type Language = (typeof LANGUAGES)[number];

export const TEMPLATES = ['vision-workshop', 'blank'] as const;
export type TemplateName = (typeof TEMPLATES)[number];

export const TITLE_MAX = 120;

/** Board-wide settings, stored as plain values in the `meta` root map. */
export interface BoardMeta {
  schemaVersion: number;
  title: string;
  language: Language;
  template: TemplateName;
  createdAt: number;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Reads the meta map. Unlike other records a broken meta cannot be skipped, so
 * each bad field falls back to a default and is reported.
 */
export function readMeta(map: Y.Map<unknown>, problems: Problem[]): BoardMeta {
  const check = new FieldErrors();
  const rawTitle = map.get('title');
  const title = check.string(rawTitle, 'title', { max: TITLE_MAX });
  const language = check.oneOf(map.get('language'), 'language', LANGUAGES);
  const template = check.oneOf(map.get('template'), 'template', TEMPLATES);
  const createdAt = check.finite(map.get('createdAt'), 'createdAt');
  const schemaVersion = check.finite(map.get('schemaVersion'), 'schemaVersion');
  for (const message of check.errors) problems.push({ collection: 'meta', id: 'meta', message });
  return {
    schemaVersion: schemaVersion || SCHEMA_VERSION,
    title: typeof rawTitle === 'string' ? title.slice(0, TITLE_MAX) : '',
    language,
    template,
    createdAt,
  };
}
