import type * as Y from 'yjs';
import { newEntityId } from '../ids.js';
import type { Origin } from '../origin.js';
import { COLOR_PATTERN } from '../schema/fields.js';
import { roots, toRecordMap } from '../schema/layout.js';
import {
  SEGMENT_COLORS, SEGMENT_DESCRIPTION_MAX, SEGMENT_NAME_MAX, type SegmentRecord,
} from '../schema/segment.js';
import { cleanText, invalid, notFound } from './errors.js';
import { deleteStageFollowUp } from './follow-up.js';
import { deleteNoteTraces } from './note-traces.js';
import { applyRenumber, lastOrder, placeAt, sortedSiblings } from './sorted.js';

export interface SegmentInput {
  name: string;
  description?: string;
  color?: string;
}

function checkColor(color: string): string {
  if (!COLOR_PATTERN.test(color)) invalid('invalid-color', 'Colour must look like #rrggbb');
  return color.toLowerCase();
}

/** Appends a segment (a swimlane) and returns its id. */
export function addSegment(doc: Y.Doc, input: SegmentInput, origin: Origin): string {
  const { segments } = roots(doc);
  const id = newEntityId();
  const siblings = sortedSiblings(segments);
  const record: SegmentRecord = {
    name: cleanText(input.name, 'segment-name', SEGMENT_NAME_MAX, 1),
    description: cleanText(input.description ?? '', 'description', SEGMENT_DESCRIPTION_MAX),
    color: checkColor(input.color ?? SEGMENT_COLORS[siblings.length % SEGMENT_COLORS.length]!),
    order: lastOrder(siblings),
  };
  doc.transact(() => segments.set(id, toRecordMap({ ...record })), origin);
  return id;
}

export function updateSegment(doc: Y.Doc, id: string, patch: Partial<SegmentInput>, origin: Origin): void {
  const entry = roots(doc).segments.get(id);
  if (!entry) notFound('Segment', id);
  const fields: Partial<SegmentRecord> = {};
  if (patch.name !== undefined) fields.name = cleanText(patch.name, 'segment-name', SEGMENT_NAME_MAX, 1);
  if (patch.description !== undefined) {
    fields.description = cleanText(patch.description, 'description', SEGMENT_DESCRIPTION_MAX);
  }
  if (patch.color !== undefined) fields.color = checkColor(patch.color);
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) entry.set(key, value);
  }, origin);
}

/** Moves a segment so it ends up at `index` among segments (0 = top). */
export function moveSegment(doc: Y.Doc, id: string, index: number, origin: Origin): void {
  const { segments } = roots(doc);
  const entry = segments.get(id);
  if (!entry) notFound('Segment', id);
  const placement = placeAt(sortedSiblings(segments, undefined, id), index);
  doc.transact(() => {
    applyRenumber(segments, placement);
    entry.set('order', placement.order);
  }, origin);
}

/**
 * Removes a segment with its stages and their notes (with their votes and
 * proposals), and the breakout-group assignments to it, in one transaction
 * (one undo step).
 */
export function removeSegment(doc: Y.Doc, id: string, origin: Origin): void {
  const { segments, stages, notes, groups } = roots(doc);
  if (!segments.has(id)) notFound('Segment', id);
  doc.transact(() => {
    const stageIds = new Set<string>();
    stages.forEach((stage, stageId) => {
      if (stage.get('segmentId') === id) stageIds.add(stageId);
    });
    const removed = new Set<string>();
    notes.forEach((note, noteId) => {
      if (stageIds.has(note.get('stageId') as string)) removed.add(noteId);
    });
    deleteNoteTraces(doc, removed);
    for (const noteId of removed) notes.delete(noteId);
    groups.forEach((segmentId, memberId) => {
      if (segmentId === id) groups.delete(memberId);
    });
    deleteStageFollowUp(doc, stageIds);
    for (const stageId of stageIds) stages.delete(stageId);
    segments.delete(id);
  }, origin);
}
