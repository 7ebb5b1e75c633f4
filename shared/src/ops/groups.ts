import type * as Y from 'yjs';
import { ENTITY_ID_PATTERN } from '../ids.js';
import type { Origin } from '../origin.js';
import { roots } from '../schema/layout.js';
import { invalid, notFound } from './errors.js';
import { sortedSiblings } from './sorted.js';

function checkMemberId(memberId: string): void {
  if (typeof memberId !== 'string' || !ENTITY_ID_PATTERN.test(memberId)) invalid('invalid-member-id', 'Member id is not valid');
}

/** Puts a member in the breakout group of a segment, or takes them out (`null`). */
export function assignGroup(doc: Y.Doc, memberId: string, segmentId: string | null, origin: Origin): void {
  checkMemberId(memberId);
  const { groups, segments } = roots(doc);
  if (segmentId !== null && !segments.has(segmentId)) notFound('Segment', segmentId);
  doc.transact(() => {
    if (segmentId === null) groups.delete(memberId);
    else groups.set(memberId, segmentId);
  }, origin);
}

/**
 * Spreads `memberIds` evenly over the segments in board order, round-robin:
 * the i-th member goes to segment i mod n (60 members, 3 segments: 20 each;
 * 61: 21, 20, 20). Round-robin rather than blocks, so a list sorted by
 * department gives every group a mix of departments, which is the point of a
 * cross-functional workshop. Members not listed keep their group.
 */
export function autoAssignGroups(doc: Y.Doc, memberIds: readonly string[], origin: Origin): Map<string, string> {
  if (!Array.isArray(memberIds)) invalid('invalid-input', 'memberIds must be a list');
  memberIds.forEach(checkMemberId);
  if (new Set(memberIds).size !== memberIds.length) invalid('repeated-member', 'memberIds must not repeat');
  const { groups, segments } = roots(doc);
  const order = sortedSiblings(segments).map((s) => s.id);
  if (order.length === 0) invalid('no-segments', 'The board has no segments');
  const assignment = new Map(memberIds.map((id, i) => [id, order[i % order.length]!]));
  doc.transact(() => {
    for (const [memberId, segmentId] of assignment) {
      if (groups.get(memberId) !== segmentId) groups.set(memberId, segmentId);
    }
  }, origin);
  return assignment;
}

/**
 * Someone who joins after the breakout groups were made goes to the smallest
 * group (the first in board order among equals), so that they land in a
 * segment with their group and the groups stay even. Nothing happens while
 * the board has no groups, or when the member already has one. Returns the
 * segment id they are in, if any.
 */
export function placeNewcomer(doc: Y.Doc, memberId: string, origin: Origin): string | undefined {
  checkMemberId(memberId);
  const { groups, segments } = roots(doc);
  const order = sortedSiblings(segments).map((s) => s.id);
  const current = groups.get(memberId);
  if (typeof current === 'string' && order.includes(current)) return current;
  const sizes = new Map(order.map((id) => [id, 0]));
  groups.forEach((segmentId) => {
    if (typeof segmentId === 'string' && sizes.has(segmentId)) sizes.set(segmentId, sizes.get(segmentId)! + 1);
  });
  if ([...sizes.values()].every((n) => n === 0)) return undefined;
  const smallest = order.reduce((best, id) => (sizes.get(id)! < sizes.get(best)! ? id : best));
  doc.transact(() => groups.set(memberId, smallest), origin);
  return smallest;
}
