import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { HomePage } from './HomePage.js';
import { BoardRoute } from './BoardRoute.js';
import { ErrorScreen, LoadingScreen } from '../ui/ErrorScreen.js';
import { FORM_PATH, JOIN_PATH } from '../../../shared/src/index.js';
import { JoinCodePage } from './JoinCodePage.js';
import { ToastProvider } from '../ui/Toasts.js';
import { ChunkErrorBoundary } from '../ui/ChunkErrorBoundary.js';

// Each follow-up form is its own chunk: home and join pages do not carry them (the board chunk: boardChunk.ts).
const CommitmentFormPage = lazy(() => import('../followup/CommitmentFormPage.js').then((m) => ({ default: m.CommitmentFormPage })));
const FeedbackFormPage = lazy(() => import('../followup/FeedbackFormPage.js').then((m) => ({ default: m.FeedbackFormPage })));

/** A few screens only, so the "router" is the path: `/`, `/join` (join codes), `/b/<boardId>`, and the forms (FORM_PATH) `/c/<boardId>`, `/f/<boardId>`. */
export function App() {
  const { t } = useTranslation();
  const path = window.location.pathname;
  const match = /^\/b\/([^/]+)\/?$/.exec(path);
  const form = /^\/([^/]+)\/([^/]+)\/?$/.exec(path);
  let screen;
  if (match) screen = <BoardRoute boardId={decodeURIComponent(match[1] ?? '')} />;
  else if (form?.[1] === FORM_PATH.commitment) screen = <CommitmentFormPage boardId={decodeURIComponent(form[2] ?? '')} />;
  else if (form?.[1] === FORM_PATH.feedback) screen = <FeedbackFormPage boardId={decodeURIComponent(form[2] ?? '')} />;
  else if (path === '/' || path === '/index.html') screen = <HomePage />;
  else if (path === JOIN_PATH || path === `${JOIN_PATH}/`) screen = <JoinCodePage />;
  else screen = <ErrorScreen kind="notFound" />;
  return (
    <ToastProvider>
      <ChunkErrorBoundary fallback={<ErrorScreen kind="network" />}>
        <Suspense fallback={<LoadingScreen text={t('common.loading')} />}>{screen}</Suspense>
      </ChunkErrorBoundary>
    </ToastProvider>
  );
}
