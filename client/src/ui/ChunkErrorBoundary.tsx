import { Component, type ReactNode } from 'react';

/** The browser's words when `import()` fails (Chromium, Firefox, Safari) or Vite cannot load a chunk's style sheet. */
const CHUNK_FAILURE = /dynamically imported module|error loading dynamically|importing a module script failed|unable to preload/i;

/**
 * Around code loaded on demand (the forms, the board's views): when its chunk
 * cannot be fetched (offline before it was ever loaded, or a new deployment
 * replaced it), `fallback` says so instead of leaving a blank page. Any other
 * error goes on up, as if this boundary were not there.
 */
export class ChunkErrorBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === undefined) return this.props.children;
    if (error instanceof Error && CHUNK_FAILURE.test(error.message)) return this.props.fallback;
    throw error;
  }
}
