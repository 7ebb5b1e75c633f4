import { HomePage } from '../home/HomePage.js';
import { BoardRoute } from '../join/BoardRoute.js';
import { ErrorScreen } from '../join/ErrorScreen.js';
import { ToastProvider } from './Toasts.js';

/** Two screens only, so the "router" is the path: `/` and `/b/<boardId>`. */
export function App() {
  const path = window.location.pathname;
  const match = /^\/b\/([^/]+)\/?$/.exec(path);
  let screen;
  if (match) screen = <BoardRoute boardId={decodeURIComponent(match[1] ?? '')} />;
  else if (path === '/' || path === '/index.html') screen = <HomePage />;
  else screen = <ErrorScreen kind="notFound" />;
  return <ToastProvider>{screen}</ToastProvider>;
}
