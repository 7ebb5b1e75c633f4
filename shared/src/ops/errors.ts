/**
 * Why an operation refused its input. The code and its `params` cross to the
 * screen, where the client words them in the reader's language (i18n
 * `operation.<code>`); the English message is for logs and API clients only.
 * A code may be added, never renamed: both languages must word each one
 * (tests/unit/error-codes.test.ts walks them all).
 */
export const OPERATION_ERROR_CODES = [
  'text-empty', 'text-too-long', 'invalid-input', 'invalid-member-id', 'invalid-department', 'invalid-department-key',
  'invalid-color', 'not-a-department', 'department-exists', 'unknown-note-kind', 'unknown-note-status',
  'unknown-language', 'unknown-phase', 'unknown-role', 'unknown-template', 'unknown-outcome', 'too-many-owners',
  'too-many-supporting', 'no-segments', 'repeated-member', 'invalid-votes-per-person', 'invalid-cap-per-note',
  'voting-not-configured', 'voting-closed', 'no-dots-left', 'note-cap-reached', 'no-own-dot', 'note-malformed',
  'merge-nothing', 'merge-repeated', 'merge-into-itself', 'too-many-merged', 'invalid-duration', 'invalid-extension',
  'timer-too-long', 'timer-not-running', 'timer-not-paused', 'no-active-timer', 'no-timer', 'invalid-spotlight',
  'note-not-found', 'stage-not-found', 'segment-not-found', 'department-not-found',
  'no-discussion', 'agenda-empty', 'agenda-too-long', 'not-on-agenda', 'invalid-timebox',
] as const;
export type OperationErrorCode = (typeof OPERATION_ERROR_CODES)[number];

/** Codes for something that does not exist (HTTP 404 where an API runs an operation); every other code is invalid input. */
const NOT_FOUND = {
  Note: 'note-not-found', Stage: 'stage-not-found', Segment: 'segment-not-found', Department: 'department-not-found',
} as const satisfies Record<string, OperationErrorCode>;
type NotFoundCode = (typeof NOT_FOUND)[keyof typeof NOT_FOUND];

/** Values the client interpolates into the message: numbers, ids, and `field` (a TEXT_FIELDS key, worded by the client too). */
export type OperationErrorParams = Readonly<Record<string, string | number>>;

export function isOperationErrorCode(value: unknown): value is OperationErrorCode {
  return typeof value === 'string' && (OPERATION_ERROR_CODES as readonly string[]).includes(value);
}

/** Thrown by operations for input that would write an invalid record, or that names something missing. */
export class OperationError extends Error {
  constructor(
    readonly code: OperationErrorCode,
    message: string,
    readonly params: OperationErrorParams = {},
  ) {
    super(message);
    this.name = 'OperationError';
  }

  get kind(): 'invalid' | 'not-found' {
    return (Object.values(NOT_FOUND) as string[]).includes(this.code) ? 'not-found' : 'invalid';
  }
}

export function invalid(code: Exclude<OperationErrorCode, NotFoundCode>, message: string, params?: OperationErrorParams): never {
  throw new OperationError(code, message, params);
}

export function notFound(what: keyof typeof NOT_FOUND, id: string): never {
  throw new OperationError(NOT_FOUND[what], `${what} ${id} does not exist`, { id });
}

/** The user-typed texts operations check, with their English names for the developer message. */
export const TEXT_FIELDS = {
  'note-text': 'Note text',
  name: 'Name',
  title: 'Title',
  'segment-name': 'Segment name',
  description: 'Description',
  'stage-name': 'Stage name',
  'buyer-step': "Buyer's step",
  'department-name': 'Department name',
  commitment: 'Commitment',
  blocker: 'What blocked it',
  comment: 'Comment',
  'booklet-text': 'Booklet text',
  'company-name': 'Company name',
} as const;
export type TextField = keyof typeof TEXT_FIELDS;

/** Trims and checks a user-typed string against a maximum length. */
export function cleanText(value: string, field: TextField, max: number, min = 0): string {
  const text = value.trim();
  const name = TEXT_FIELDS[field];
  if (text.length < min) invalid('text-empty', `${name} must not be empty`, { field });
  if (text.length > max) invalid('text-too-long', `${name} must be at most ${max} characters`, { field, max });
  return text;
}
