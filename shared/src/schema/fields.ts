/**
 * Field readers shared by the record validators. Each returns the value or a
 * human-readable complaint; records collect complaints into one Problem.
 */
export interface Problem {
  /** Root map the entry lives in (`notes`, `stages`, ...). */
  collection: string;
  /** Key of the entry in that map. */
  id: string;
  message: string;
}

export class FieldErrors {
  readonly errors: string[] = [];

  string(value: unknown, field: string, limits: { min?: number; max: number }): string {
    if (typeof value !== 'string') {
      this.errors.push(`${field} must be a string`);
      return '';
    }
    if (value.length < (limits.min ?? 0)) this.errors.push(`${field} is too short`);
    if (value.length > limits.max) this.errors.push(`${field} is longer than ${limits.max}`);
    return value;
  }

  finite(value: unknown, field: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.errors.push(`${field} must be a finite number`);
      return 0;
    }
    return value;
  }

  pattern(value: unknown, field: string, pattern: RegExp): string {
    if (typeof value !== 'string' || !pattern.test(value)) {
      this.errors.push(`${field} is not valid`);
      return '';
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.errors.push(`${field} must be one of ${allowed.join(', ')}`);
      return allowed[0] as T;
    }
    return value as T;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}

export const COLOR_PATTERN = /^#[0-9a-fA-F]{6}$/;
