// The architecture rules `npm run lint` checks (dependency-cruiser), read with
// README.md ("Architecture") and client/README.md. A rule names what it
// forbids; its comment says why. Type-only imports count: a cycle closed by a
// type is still a cycle.
//
// The client's layers, bottom to top (each may import the ones below it):
//   base      board-base/ ui/ api/ sync/ i18n/   what every feature builds on
//   features  every other folder (notes/, voting/, session/, ...)
//   screen    board-screen/                       composes features into the board
//   app       app/ and main.tsx                   routes and pages
const BASE = '^client/src/(board-base|ui|api|sync|i18n)/';
const SCREEN = '^client/src/board-screen/';
const APP = '^client/src/(app/|main\\.tsx$)';
const NOT_FEATURE = '^client/src/((board-base|ui|api|sync|i18n|board-screen|app)/|[^/]+$)';

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      comment: 'Two files that import each other (directly or round a loop) cannot be read, tested or moved apart. '
        + 'Usually a type lives in its first user: move it to where its contract lives.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'base-imports-only-base',
      comment: 'The base (board-base, ui, api, sync, i18n) sits under every feature: it may import shared/ and '
        + 'other base folders, never a feature, the screen or the app.',
      severity: 'error',
      from: { path: BASE },
      to: { path: '^client/src/', pathNot: BASE },
    },
    {
      name: 'feature-not-above',
      comment: 'A feature folder builds on the base and shared/; the board screen and the app compose features, '
        + 'so a feature never imports them.',
      severity: 'error',
      from: { path: '^client/src/', pathNot: NOT_FEATURE },
      to: { path: [SCREEN, APP] },
    },
    {
      name: 'screen-not-app',
      comment: 'The board screen is a page the app routes to; it never imports the app.',
      severity: 'error',
      from: { path: SCREEN },
      to: { path: APP },
    },
    {
      name: 'client-not-server',
      comment: 'client/ and server/ talk over HTTP and websockets only; what both need lives in shared/.',
      severity: 'error',
      from: { path: '^client/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-not-client',
      comment: 'client/ and server/ talk over HTTP and websockets only; what both need lives in shared/.',
      severity: 'error',
      from: { path: '^server/' },
      to: { path: '^client/' },
    },
    {
      name: 'shared-only-yjs',
      comment: 'shared/ is the pure board model that runs in the browser and in Node: it imports itself, yjs and lib0, '
        + 'nothing else (no Node modules, no DOM libraries, no client/ or server/).',
      severity: 'error',
      from: { path: '^shared/' },
      to: { pathNot: '^(shared/|node_modules/(yjs|lib0)/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
