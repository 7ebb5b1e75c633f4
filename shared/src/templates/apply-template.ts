import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { roots } from '../schema/layout.js';
import { SCHEMA_VERSION } from '../schema/layout.js';
import { TEMPLATES, TITLE_MAX, isLanguage, type Language, type TemplateName } from '../schema/meta.js';
import { SEGMENT_COLORS } from '../schema/segment.js';
import { addDepartment } from '../ops/departments.js';
import { addSegment } from '../ops/segments.js';
import { addStage } from '../ops/stages.js';
import { cleanText, invalid } from '../ops/errors.js';
import { VISION_WORKSHOP } from './vision-workshop-content.js';
import { isPhase, type Phase } from '../phases.js';

export interface NewBoardInput {
  title: string;
  template: TemplateName;
  language: Language;
  /**
   * The phase the board starts in: `setup` unless given (participants can join
   * and look but not write until the facilitator starts the brainstorm).
   */
  phase?: Extract<Phase, 'setup' | 'brainstorm'>;
}

/**
 * Fills an empty doc with a new board: meta plus the template's segments,
 * stages and departments in the board's language, all in one transaction.
 */
export function initializeBoard(doc: Y.Doc, input: NewBoardInput, origin: Origin, now = Date.now()): void {
  // Like every op, validate all input before the transaction: yjs does not roll
  // back, so a throw inside it would leave a half-written meta (input may come
  // from untyped JSON, so the TypeScript types are no guarantee).
  const title = cleanText(input.title, 'title', TITLE_MAX, 1);
  if (!isLanguage(input.language)) invalid('unknown-language', 'Language must be en or it');
  if (!(TEMPLATES as readonly string[]).includes(input.template)) invalid('unknown-template', 'Unknown template');
  const lang = input.language;
  const phase = input.phase ?? 'setup';
  if (!isPhase(phase) || (phase !== 'setup' && phase !== 'brainstorm')) invalid('unknown-phase', 'A board starts in setup or brainstorm');
  doc.transact(() => {
    const { meta } = roots(doc);
    meta.set('schemaVersion', SCHEMA_VERSION);
    meta.set('title', title);
    meta.set('language', lang);
    meta.set('template', input.template);
    meta.set('createdAt', now);
    roots(doc).session.set('phase', phase);
    if (input.template !== 'vision-workshop') return;
    VISION_WORKSHOP.segments.forEach((segment, i) => {
      const segmentId = addSegment(
        doc,
        { name: segment.name[lang], description: segment.description[lang], color: SEGMENT_COLORS[i % SEGMENT_COLORS.length]! },
        origin,
      );
      for (const stage of segment.stages) {
        addStage(doc, segmentId, { name: stage.name[lang], buyerStep: stage.buyerStep[lang] }, origin);
      }
    });
    for (const department of VISION_WORKSHOP.departments) {
      addDepartment(doc, { name: department.name[lang] }, origin, department.key);
    }
  }, origin);
}
