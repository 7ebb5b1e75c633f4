import type { TFunction } from 'i18next';
import {
  BACKUP_PROBLEMS, OperationError, isOperationErrorCode, type ErrorResponse,
} from '../../../shared/src/index.js';
import { ApiError } from '../api/serverApi.js';

type Params = NonNullable<ErrorResponse['params']>;

/**
 * The words for a code from the model or the server, in the reader's
 * language: `operation.<code>` (a `field` param is worded too), `backup.<problem>`
 * for a backup that cannot be restored, else `api.<code>`. Never the English
 * message that came with the code.
 */
export function codeText(t: TFunction, code: ErrorResponse['code'], params: Params = {}): string {
  if (isOperationErrorCode(code)) {
    return t(`operation.${code}`, typeof params.field === 'string' ? { ...params, field: t(`fields.${params.field}`) } : params);
  }
  const problem = BACKUP_PROBLEMS.find((p) => p === params.problem);
  if (code === 'backup-invalid' && problem) return t(`backup.${problem}`, params);
  return t(`api.${code}`, params);
}

/** What to tell the reader about a failed action: its code's words, or a generic sentence when there is no code. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof OperationError || (err instanceof ApiError && err.code)) return codeText(t, err.code!, err.params);
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (err instanceof TypeError) return t('errors.network.title');
  return t('errors.unexpected');
}
