import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { formatJoinCode, normalizeJoinCode, type JoinCodeLookupResponse } from '../../../shared/src/index.js';
import { ApiError, joinWithCode, lookupJoinCode } from '../api/serverApi.js';
import { BoardRoute } from './BoardRoute.js';
import { errorText } from '../i18n/errorText.js';
import { boardLanguage } from '../join/boardLanguage.js';
import { rememberInfo } from '../join/cachedInfo.js';
import { lastIdentity, saveSession } from '../join/identity.js';
import { JoinForm } from '../join/JoinForm.js';
import { clearBoardLocalLater } from '../sync/clearLocalLater.js';
import { JoinCodeField } from '../join/JoinCodeField.js';

type Step =
  /** `problem`: what was wrong with the last code (worded at render, in the current language). */
  | { kind: 'code'; problem?: 'malformed' | { error: unknown } }
  | { kind: 'checking' }
  | { kind: 'name'; code: string; board: JoinCodeLookupResponse }
  | { kind: 'joined'; boardId: string };

/** The next step for a code: its board's name form, or the code form saying what is wrong. */
async function lookup(code: string): Promise<Step> {
  try {
    return { kind: 'name', code, board: await lookupJoinCode(code) };
  } catch (error) {
    return { kind: 'code', problem: { error } };
  }
}

/** The code in the address (`/join?code=K7R-4QX`, from the QR code), if any. */
function codeInAddress(): string {
  return new URLSearchParams(window.location.search).get('code') ?? '';
}

/**
 * `/join`: a short code (typed from the projector, or in the QR code's
 * address) → the same name and department form as a participant link → the
 * board, as a participant. The code is checked before the name is asked, so
 * a wrong or closed code is said at once.
 */
export function JoinCodePage() {
  const { t } = useTranslation();
  const [typed, setTyped] = useState(codeInAddress);
  const [step, setStep] = useState<Step>(() => (normalizeJoinCode(codeInAddress()) ? { kind: 'checking' } : { kind: 'code' }));

  const check = (code: string) => {
    setStep({ kind: 'checking' });
    void lookup(code).then(setStep);
  };

  // A code that came in the address is checked straight away: scan, then only the name is left.
  const [fromAddress] = useState(() => normalizeJoinCode(codeInAddress()));
  useEffect(() => {
    if (fromAddress) void lookup(formatJoinCode(fromAddress)).then(setStep);
  }, [fromAddress]);

  // The board's language and title once it is known, as a participant link does.
  useEffect(() => {
    if (step.kind !== 'name') return;
    void i18next.changeLanguage(boardLanguage(step.board.id) ?? step.board.language);
    document.title = `${step.board.title} · Tabella`;
  }, [step]);

  const problemText = (problem: 'malformed' | { error: unknown }) => {
    if (problem === 'malformed') return t('joinCode.malformed');
    // The server's refusals (wrong code, closed, too many tries) stand alone; anything else is "could not check".
    const { error } = problem;
    return error instanceof ApiError && error.code ? errorText(t, error) : t('joinCode.failed', { message: errorText(t, error) });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeJoinCode(typed);
    if (!code) {
      setStep({ kind: 'code', problem: 'malformed' });
      return;
    }
    check(formatJoinCode(code));
  };

  if (step.kind === 'joined') return <BoardRoute boardId={step.boardId} />;
  if (step.kind === 'name') {
    const { board, code } = step;
    return (
      <JoinForm title={board.title} role="participant" departments={board.departments} synced initial={lastIdentity(board.id)}
        onJoin={async (name, department) => {
          const joined = await joinWithCode({ code, name, department });
          // A new person on this device: nothing kept here for the previous one may be sent as theirs.
          await clearBoardLocalLater(joined.boardId);
          saveSession(joined.boardId, { id: joined.memberId, name, department, session: joined.session, link: '' });
          rememberInfo(joined.boardId, { ...board, role: joined.role, memberId: joined.memberId, name, department });
          // The board's own address from now on: a reload opens the board with the stored session.
          history.replaceState(null, '', `/b/${encodeURIComponent(joined.boardId)}`);
          setStep({ kind: 'joined', boardId: joined.boardId });
        }}
        onCancel={() => setStep({ kind: 'code' })} cancelLabel={t('joinCode.otherCode')} />
    );
  }
  return (
    <div className="full-screen-message join">
      <form className="card join-card" onSubmit={submit} data-testid="join-code-form" noValidate>
        <p className="eyebrow">Tabella</p>
        <h1>{t('joinCode.title')}</h1>
        <p className="muted">{t('joinCode.intro')}</p>
        <JoinCodeField value={typed} onChange={setTyped} autoFocus />
        {step.kind === 'code' && step.problem && (
          <p className="form-error" role="alert" data-testid="join-code-error">{problemText(step.problem)}</p>
        )}
        <button type="submit" className="primary big" data-testid="join-code-submit" disabled={step.kind === 'checking'}>
          {t('joinCode.submit')}
        </button>
      </form>
    </div>
  );
}
