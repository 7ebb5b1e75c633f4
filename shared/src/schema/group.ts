import { ENTITY_ID_PATTERN } from '../ids.js';

/**
 * `groups`: key member id, value the segment id of that member's breakout
 * group (a plain string). Unassigned members have no key.
 */
export function readGroup(value: unknown): { value: string } | { errors: string[] } {
  if (typeof value !== 'string' || !ENTITY_ID_PATTERN.test(value)) {
    return { errors: ['value must be a segment id'] };
  }
  return { value };
}
