import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { isPhase, type Phase } from '../phases.js';
import { roots } from '../schema/layout.js';
import { invalid } from './errors.js';

export function setPhase(doc: Y.Doc, phase: Phase, origin: Origin): void {
  if (!isPhase(phase)) invalid('unknown-phase', 'Unknown phase');
  doc.transact(() => roots(doc).session.set('phase', phase), origin);
}

/** While on, participants see only their own new notes until the facilitator reveals them. */
export function setPrivateWriting(doc: Y.Doc, on: boolean, origin: Origin): void {
  if (typeof on !== 'boolean') invalid('invalid-input', 'privateWriting must be true or false');
  doc.transact(() => roots(doc).session.set('privateWriting', on), origin);
}
