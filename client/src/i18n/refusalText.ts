import type { TFunction } from 'i18next';
import { readRefusal } from '../../../shared/src/index.js';

/**
 * What to tell the author of an update the server refused (close 4403), from the rule it names.
 * Apart from errorText.ts: reading the rules needs the board model (Yjs), which only the board loads.
 */
export function refusalText(t: TFunction, reason: string): string {
  const refusal = readRefusal(reason);
  if (!refusal) return t('session.refused');
  return refusal.limit ? t(`limits.${refusal.limit}`) : t(`rules.${refusal.rule}`);
}
