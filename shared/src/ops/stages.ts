import type * as Y from 'yjs';
import { newEntityId } from '../ids.js';
import type { Origin } from '../origin.js';
import { roots, toRecordMap } from '../schema/layout.js';
import { BUYER_STEP_MAX, STAGE_NAME_MAX, type StageRecord } from '../schema/stage.js';
import { cleanText, notFound } from './errors.js';
import { deleteStageFollowUp } from './follow-up.js';
import { deleteNoteTraces } from './note-traces.js';
import { applyRenumber, lastOrder, placeAt, sortedSiblings } from './sorted.js';

export interface StageInput {
  name: string;
  buyerStep?: string;
}

/** Appends a stage (a column) to a segment and returns its id. */
export function addStage(doc: Y.Doc, segmentId: string, input: StageInput, origin: Origin): string {
  const { segments, stages } = roots(doc);
  if (!segments.has(segmentId)) notFound('Segment', segmentId);
  const id = newEntityId();
  const record: StageRecord = {
    segmentId,
    name: cleanText(input.name, 'stage-name', STAGE_NAME_MAX, 1),
    buyerStep: cleanText(input.buyerStep ?? '', 'buyer-step', BUYER_STEP_MAX),
    order: lastOrder(sortedSiblings(stages, (s) => s.get('segmentId') === segmentId)),
  };
  doc.transact(() => stages.set(id, toRecordMap({ ...record })), origin);
  return id;
}

export function updateStage(doc: Y.Doc, id: string, patch: Partial<StageInput>, origin: Origin): void {
  const entry = roots(doc).stages.get(id);
  if (!entry) notFound('Stage', id);
  const fields: Partial<StageRecord> = {};
  if (patch.name !== undefined) fields.name = cleanText(patch.name, 'stage-name', STAGE_NAME_MAX, 1);
  if (patch.buyerStep !== undefined) {
    fields.buyerStep = cleanText(patch.buyerStep, 'buyer-step', BUYER_STEP_MAX);
  }
  doc.transact(() => {
    for (const [key, value] of Object.entries(fields)) entry.set(key, value);
  }, origin);
}

/** Moves a stage to position `index` within its own segment (0 = leftmost). */
export function moveStage(doc: Y.Doc, id: string, index: number, origin: Origin): void {
  const { stages } = roots(doc);
  const entry = stages.get(id);
  if (!entry) notFound('Stage', id);
  const segmentId = entry.get('segmentId');
  const siblings = sortedSiblings(stages, (s) => s.get('segmentId') === segmentId, id);
  const placement = placeAt(siblings, index);
  doc.transact(() => {
    applyRenumber(stages, placement);
    entry.set('order', placement.order);
  }, origin);
}

/** Removes a stage, its notes (with their votes and proposals), commitments and feedback, in one transaction. */
export function removeStage(doc: Y.Doc, id: string, origin: Origin): void {
  const { stages, notes } = roots(doc);
  if (!stages.has(id)) notFound('Stage', id);
  doc.transact(() => {
    const removed = new Set<string>();
    notes.forEach((note, noteId) => {
      if (note.get('stageId') === id) removed.add(noteId);
    });
    deleteNoteTraces(doc, removed);
    for (const noteId of removed) notes.delete(noteId);
    deleteStageFollowUp(doc, new Set([id]));
    stages.delete(id);
  }, origin);
}
