/** Thrown by operations for input that would write an invalid record. */
export class OperationError extends Error {
  constructor(
    readonly code: 'invalid' | 'not-found',
    message: string,
  ) {
    super(message);
    this.name = 'OperationError';
  }
}

export function invalid(message: string): never {
  throw new OperationError('invalid', message);
}

export function notFound(what: string, id: string): never {
  throw new OperationError('not-found', `${what} ${id} does not exist`);
}

/** Trims and checks a user-typed string against a maximum length. */
export function cleanText(value: string, field: string, max: number, min = 0): string {
  const text = value.trim();
  if (text.length < min) invalid(`${field} must not be empty`);
  if (text.length > max) invalid(`${field} must be at most ${max} characters`);
  return text;
}
