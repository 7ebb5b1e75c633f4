import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import {
  formatJoinCode, normalizeJoinCode, type JoinCodeJoinResponse, type JoinCodeLookupResponse, type JoinCodeState,
} from '../../../shared/src/index.js';
import { JoinCodes } from '../boards/join-codes.js';
import type { JoinCodeRow } from '../store/board-store.js';
import type { ApiDeps } from './api-deps.js';
import { boardIdOf, callerOf, facilitatorOf } from './auth.js';
import { HttpError } from './errors.js';
import { joinMember, memberDepartment, memberName } from './member-join.js';
import { parse } from './parse.js';
import { publicBaseUrl } from './public-url.js';
import { giveBack, takeOrRefuse } from './rate-limit.js';

const code = z.string().max(40);
const lookupBody = z.object({ code }).strict();
const joinBody = z.object({ code, name: memberName, department: memberDepartment }).strict();
const openBody = z.object({ open: z.boolean() }).strict();

/**
 * Join codes (docs/protocol.md "Join codes", docs/security.md "Join codes").
 * The facilitator issues, closes and reopens a board's code; anyone who can
 * open the board reads it (it is on the projector for the room to see); anyone
 * at all may try a code, and every try that admits nobody costs the address
 * one of JOIN_CODE_FAILURES_PER_MINUTE.
 */
export function joinCodeRouter(deps: ApiDeps): Router {
  const router = Router();
  const codes = new JoinCodes(deps.store);

  const stateOf = (req: Request, row: JoinCodeRow | undefined, facilitator: boolean): JoinCodeState => ({
    // A closed code admits nobody, so only a facilitator (who may reopen it) is shown it.
    code: row && (row.open || facilitator) ? formatJoinCode(row.code) : null,
    open: row?.open ?? false,
    address: publicBaseUrl(req, deps.publicUrl, deps.listenHost),
  });

  router.get('/boards/:id/join-code', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    const who = await callerOf(deps.access, req, id);
    res.set('Cache-Control', 'no-store').json(stateOf(req, await codes.get(id), who.role === 'facilitator'));
  });

  // A new code: the old one stops working at once; joining is open.
  router.post('/boards/:id/join-code', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(deps.access, req, id);
    res.status(201).json(stateOf(req, await codes.issue(id), true));
  });

  // Close or reopen joining by code. Participant links are not touched.
  router.patch('/boards/:id/join-code', async (req: Request, res: Response) => {
    const id = boardIdOf(req);
    await facilitatorOf(deps.access, req, id);
    const { open } = parse(openBody, req.body);
    res.json(stateOf(req, await codes.setOpen(id, open), true));
  });

  /**
   * The board a typed code opens, or the refusal. A token is taken before the
   * code is looked at and given back only when it admits: concurrent guesses
   * are all counted, and people who type their code right never run out.
   */
  async function admit(req: Request, typed: string): Promise<string> {
    takeOrRefuse(deps.rates.codeFailures, req, 'wrong join codes');
    const canonical = normalizeJoinCode(typed);
    const found = canonical === undefined ? 'unknown' : await codes.find(canonical);
    if (found === 'unknown') throw new HttpError(404, 'join-code-unknown', 'no workshop has this join code: check it on the screen');
    if (found === 'closed') throw new HttpError(403, 'joining-closed', 'joining with this code is closed: ask the facilitator');
    giveBack(deps.rates.codeFailures, req);
    return found.boardId;
  }

  router.post('/join-codes/lookup', async (req: Request, res: Response) => {
    const input = parse(lookupBody, req.body);
    const id = await admit(req, input.code);
    const { meta, departments } = await deps.boards.meta(id);
    const body: JoinCodeLookupResponse = {
      id, title: meta.title, language: meta.language, departments: departments.map((d) => ({ key: d.key, name: d.name, color: d.color })),
    };
    res.json(body);
  });

  // Exactly what a participant link's join does (POST /boards/:id/join), with the code instead of the link.
  router.post('/join-codes/join', async (req: Request, res: Response) => {
    takeOrRefuse(deps.rates.joins, req, 'joins');
    const input = parse(joinBody, req.body);
    const id = await admit(req, input.code);
    const body: JoinCodeJoinResponse = { boardId: id, ...(await joinMember(deps.members, id, 'participant', input)) };
    res.status(201).json(body);
  });

  return router;
}
