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
import { clearBoardLocal } from '../sync/localStore.js';
import { JoinCodeField } from '../join/JoinCodeField.js';

type Step =
  | { kind: 'code'; error?: string }
  | { kind: 'checking' }
  | { kind: 'name'; code: string; board: JoinCodeLookupResponse }
  | { kind: 'joined'; boardId: string };

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

  const check = async (code: string) => {
    setStep({ kind: 'checking' });
    try {
      const board = await lookupJoinCode(code);
      void i18next.changeLanguage(boardLanguage(board.id) ?? board.language);
      document.title = `${board.title} · Tabella`;
      setStep({ kind: 'name', code, board });
    } catch (err) {
      setStep({ kind: 'code', error: refusal(err) });
    }
  };
  const refusal = (err: unknown) => (err instanceof ApiError && err.code ? errorText(t, err) : t('joinCode.failed', { message: errorText(t, err) }));

  // A code that came in the address is checked straight away: scan, then only the name is left.
  useEffect(() => {
    const code = normalizeJoinCode(codeInAddress());
    if (code) void check(formatJoinCode(code));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, for the address the page opened with
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normalizeJoinCode(typed);
    if (!code) {
      setStep({ kind: 'code', error: t('joinCode.malformed') });
      return;
    }
    void check(formatJoinCode(code));
  };

  if (step.kind === 'joined') return <BoardRoute boardId={step.boardId} />;
  if (step.kind === 'name') {
    const { board, code } = step;
    return (
      <JoinForm title={board.title} role="participant" departments={board.departments} synced initial={lastIdentity(board.id)}
        onJoin={async (name, department) => {
          const joined = await joinWithCode({ code, name, department });
          // A new person on this device: nothing kept here for the previous one may be sent as theirs.
          void clearBoardLocal(joined.boardId);
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
        {step.kind === 'code' && step.error && <p className="form-error" role="alert" data-testid="join-code-error">{step.error}</p>}
        <button type="submit" className="primary big" data-testid="join-code-submit" disabled={step.kind === 'checking'}>
          {t('joinCode.submit')}
        </button>
      </form>
    </div>
  );
}
