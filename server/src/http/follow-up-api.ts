import { Router, type Request, type Response } from 'express';
import type * as Y from 'yjs';
import { z } from 'zod';
import {
  COMMITMENT_NAME_MAX, COMMITMENT_TEXT_MAX, DEPARTMENT_KEY_PATTERN, ENTITY_ID_PATTERN, FEEDBACK_OUTCOMES,
  FEEDBACK_TEXT_MAX, FORM_PATH, OperationError, REP_NAME_MAX, addFeedback, isFollowUpKind, readBoard, setCommitment,
  systemOrigin, type CommitmentBody, type FeedbackBody, type FeedbackCreatedResponse, type FollowUpKind,
  type FollowUpLinkResponse, type FormInfo,
} from '../../../shared/src/index.js';
import { hashToken, newToken } from '../auth/tokens.js';
import type { Caller } from '../boards/board-access.js';
import type { ApiDeps } from './api-deps.js';
import { boardIdOf, callerOf, facilitatorOf } from './auth.js';
import { HttpError } from './errors.js';
import { parse } from './parse.js';
import { publicBaseUrl } from './public-url.js';
import { takeOrRefuse } from './rate-limit.js';

const FOLLOW_UP_ORIGIN = systemOrigin('follow-up');

const commitmentBody = z.object({
  stageId: z.string().regex(ENTITY_ID_PATTERN, 'stageId is not valid'),
  department: z.string().regex(DEPARTMENT_KEY_PATTERN, 'department is not valid'),
  text: z.string().max(COMMITMENT_TEXT_MAX, `text must be at most ${COMMITMENT_TEXT_MAX} characters`),
  byName: z.string().max(COMMITMENT_NAME_MAX).default(''),
}).strict() satisfies z.ZodType<CommitmentBody, unknown>;

const feedbackBody = z.object({
  stageId: z.string().regex(ENTITY_ID_PATTERN, 'stageId is not valid'),
  outcome: z.enum(FEEDBACK_OUTCOMES),
  blocker: z.string().max(FEEDBACK_TEXT_MAX).default(''),
  department: z.string().regex(new RegExp(`(${DEPARTMENT_KEY_PATTERN.source})|^$`), 'department is not valid').default(''),
  comment: z.string().max(FEEDBACK_TEXT_MAX).default(''),
  repName: z.string().max(REP_NAME_MAX).default(''),
}).strict() satisfies z.ZodType<FeedbackBody, unknown>;

/**
 * A facilitator in person (a session: the shared facilitator link only lets
 * people join), or the holder of this kind of after-workshop link, which is
 * made for exactly this form.
 */
function mayUse(who: Caller, kind: FollowUpKind): boolean {
  return (who.via === 'session' && who.role === 'facilitator') || (who.via === 'follow-up' && who.kind === kind);
}

/**
 * After the workshop (steps 6 and 7 of the method). The facilitator hands out
 * two more links: executives use the commitment link to say how their
 * department supports each stage; reps use the feedback link to report from
 * real deals. Both write through the server (never over the websocket), which
 * validates and stamps what they send.
 */
export function followUpRouter(deps: ApiDeps): Router {
  const { access, rooms, store, publicUrl, listenHost } = deps;
  const router = Router();

  router.post('/boards/:id/follow-up-links/:kind', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(access, req, id);
    const kind = req.params.kind;
    if (!isFollowUpKind(kind)) throw new HttpError(400, 'invalid-request', 'kind must be commitment or feedback');
    const token = newToken();
    await store.setFollowUpLink(id, kind, hashToken(token), Date.now());
    const base = publicBaseUrl(req, publicUrl, listenHost);
    res.status(201).json({ kind, link: `${base}/${FORM_PATH[kind]}/${id}#token=${token}` } satisfies FollowUpLinkResponse);
  });

  // What a form needs: the board's segments, stages and departments in its language.
  router.get('/boards/:id/form', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    const who = await callerOf(access, req, id);
    const board = await deps.boards.read(id, readBoard);
    const form: FormInfo = {
      kind: who.via === 'follow-up' ? who.kind : null,
      title: board.meta.title,
      language: board.meta.language,
      segments: board.segments.map((s) => ({
        id: s.id, name: s.name, color: s.color,
        stages: s.stages.map((st) => ({ id: st.id, name: st.name, buyerStep: st.buyerStep })),
      })),
      departments: board.departments.map((d) => ({ key: d.key, name: d.name, color: d.color })),
      commitments: board.commitments,
    };
    res.json(form);
  });

  router.post('/boards/:id/commitments', async (req: Request, res: Response) => {
    takeOrRefuse(deps.rates.formPosts, req, 'form posts');
    const id = boardIdOf(req);
    const who = await callerOf(access, req, id);
    if (!mayUse(who, 'commitment')) throw new HttpError(403, 'wrong-form-link', 'this link cannot record commitments');
    const input = parse(commitmentBody, req.body);
    await write(id, (doc) => setCommitment(doc, input.stageId, input.department, input.text, input.byName, FOLLOW_UP_ORIGIN));
    res.status(201).json({ ok: true });
  });

  router.post('/boards/:id/feedback', async (req: Request, res: Response) => {
    takeOrRefuse(deps.rates.formPosts, req, 'form posts');
    const id = boardIdOf(req);
    const who = await callerOf(access, req, id);
    if (!mayUse(who, 'feedback')) throw new HttpError(403, 'wrong-form-link', 'this link cannot send feedback');
    const input = parse(feedbackBody, req.body);
    const feedbackId = await write(id, (doc) => addFeedback(doc, input, FOLLOW_UP_ORIGIN));
    res.status(201).json({ id: feedbackId } satisfies FeedbackCreatedResponse);
  });

  /** Runs an op on the live board; its validation errors become 400s. */
  async function write<T>(id: string, op: (doc: Y.Doc) => T): Promise<T> {
    try {
      return await rooms.withRoom(id, (room) => op(room.doc));
    } catch (error) {
      if (error instanceof OperationError) throw new HttpError(error.kind === 'not-found' ? 404 : 400, error.code, error.message, { params: error.params });
      throw error;
    }
  }

  return router;
}
