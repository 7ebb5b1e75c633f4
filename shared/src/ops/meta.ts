import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { roots } from '../schema/layout.js';
import { TITLE_MAX, isLanguage, type Language } from '../schema/meta.js';
import { cleanText, invalid } from './errors.js';

export function setTitle(doc: Y.Doc, title: string, origin: Origin): void {
  const clean = cleanText(title, 'title', TITLE_MAX, 1);
  doc.transact(() => roots(doc).meta.set('title', clean), origin);
}

export function setLanguage(doc: Y.Doc, language: Language, origin: Origin): void {
  if (!isLanguage(language)) invalid('unknown-language', 'Language must be en or it');
  doc.transact(() => roots(doc).meta.set('language', language), origin);
}
