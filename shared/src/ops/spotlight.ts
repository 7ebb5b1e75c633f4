import type * as Y from 'yjs';
import { ENTITY_ID_PATTERN } from '../ids.js';
import type { Origin } from '../origin.js';
import { roots } from '../schema/layout.js';
import { readSpotlight, readSpotlightTarget, type Spotlight, type SpotlightTarget } from '../schema/session.js';
import { invalid, notFound } from './errors.js';

/**
 * "Bring everyone to me": every client moves its viewport to `target` once
 * per request. `seq` is one more than the previous request's, so a client
 * remembers the last seq it obeyed and ignores re-reads of the same request.
 */
export function setSpotlight(
  doc: Y.Doc, target: SpotlightTarget, byMemberId: string, now: number, origin: Origin,
): void {
  const read = readSpotlightTarget(target);
  if ('error' in read) invalid('invalid-spotlight', `Spotlight ${read.error}`);
  if (!ENTITY_ID_PATTERN.test(byMemberId)) invalid('invalid-member-id', 'Member id is not valid');
  if (!Number.isFinite(now)) invalid('invalid-input', 'now must be a finite number');
  const { session, segments, stages } = roots(doc);
  const t = read.value;
  if (t.kind === 'segment' && !segments.has(t.id)) notFound('Segment', t.id);
  if (t.kind === 'stage' && !stages.has(t.id)) notFound('Stage', t.id);
  const previous = readSpotlight(session.get('spotlight'));
  const seq = 'value' in previous ? previous.value.seq + 1 : 1;
  const spotlight: Spotlight = { seq, by: byMemberId, at: now, target: { ...t } };
  doc.transact(() => session.set('spotlight', spotlight), origin);
}
