import i18next from 'i18next';
import type { UiLanguage } from '../i18n/i18n.js';

const key = (boardId: string) => `tabella:language:${boardId}`;

/** A language this device picked for this board, overriding the board's own. */
export function boardLanguage(boardId: string): UiLanguage | undefined {
  const value = localStorage.getItem(key(boardId));
  return value === 'en' || value === 'it' ? value : undefined;
}

export function chooseBoardLanguage(boardId: string, language: UiLanguage): void {
  localStorage.setItem(key(boardId), language);
  void i18next.changeLanguage(language);
}
