import { useCallback, useEffect, useMemo, useState } from 'react';
import { joinCodeUrl, JOIN_PATH, type JoinCodeState } from '../../../shared/src/index.js';
import { changeJoinCode, fetchJoinCode } from '../api/serverApi.js';
import { listWorkshops } from '../join/myWorkshops.js';

/** How often an open screen asks again, so a code closed or renewed elsewhere shows within this time. */
const POLL_MS = 15_000;

export interface JoinCodeView {
  /** As the server last said; undefined until the first answer. */
  state: JoinCodeState | undefined;
  /** Joining by code is open and there is a code to show. */
  open: boolean;
  /**
   * What a QR code should hold while joining is open: the participant link
   * when this device knows it (the board was created here), else the join
   * page with the code. Undefined while joining is closed.
   */
  qrUrl: string | undefined;
  /** The address to type, without the scheme: `192.168.1.20:8080/join`. */
  typeAddress: string | undefined;
  /** The last failure (load or change), for errorText. */
  error: unknown;
  busy: boolean;
  /** Facilitator only: a new code; the old one stops working. */
  newCode: () => Promise<void>;
  /** Facilitator only: close or reopen joining by code (links keep working). */
  setOpen: (open: boolean) => Promise<void>;
}

/**
 * The board's join code, kept fresh (every POLL_MS and when the window gets
 * focus). Any role may read it (a closed code is shown to facilitators only);
 * `issueIfNone`: a facilitator's Join screen gives a board its first code.
 */
export function useJoinCode(boardId: string, token: string, { issueIfNone = false } = {}): JoinCodeView {
  const [state, setState] = useState<JoinCodeState>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    const load = () => fetchJoinCode(boardId, token).then(async (read) => {
      const next = read.code === null && !read.open && issueIfNone ? await changeJoinCode(boardId, token, 'new') : read;
      if (!current) return;
      setState(next);
      setError(undefined);
    }, (err: unknown) => {
      if (current) setError(err);
    });
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    window.addEventListener('focus', load);
    return () => {
      current = false;
      window.clearInterval(timer);
      window.removeEventListener('focus', load);
    };
  }, [boardId, token, issueIfNone]);

  const change = useCallback(async (what: 'new' | { open: boolean }) => {
    setBusy(true);
    try {
      setState(await changeJoinCode(boardId, token, what));
      setError(undefined);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }, [boardId, token]);

  const open = state?.open === true && state.code !== null;
  // Read once per board (localStorage): a link renewed in Links to join shows after the screen is reopened.
  const link = useMemo(() => listWorkshops().find((w) => w.boardId === boardId)?.links.participant, [boardId]);
  return {
    state,
    open,
    qrUrl: open ? (link ?? joinCodeUrl(state.address, state.code!)) : undefined,
    typeAddress: state && `${state.address.replace(/^https?:\/\//, '')}${JOIN_PATH}`,
    error,
    busy,
    newCode: () => change('new'),
    setOpen: (next) => change({ open: next }),
  };
}
