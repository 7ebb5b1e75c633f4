/**
 * Workshop phases and what each lets a *participant* do. Facilitators can do
 * everything in every phase; viewers nothing. The server enforces this table,
 * the client uses it to hide controls, so both read the same constant.
 */
export const PHASES = ['setup', 'brainstorm', 'cluster', 'vote', 'assign', 'review'] as const;
export type Phase = (typeof PHASES)[number];

/** Phase of a board whose `session.phase` was never set (boards made before phases existed). */
export const DEFAULT_PHASE: Phase = 'brainstorm';

export interface PhaseAbilities {
  /** Add, edit, move and delete their own notes. */
  writeNotes: boolean;
  /** Spend and take back dots (also needs voting to be open). */
  vote: boolean;
  /** Propose an owner department for a note. */
  propose: boolean;
}

export const PHASE_ABILITIES: Readonly<Record<Phase, Readonly<PhaseAbilities>>> = {
  setup: { writeNotes: false, vote: false, propose: false },
  brainstorm: { writeNotes: true, vote: false, propose: true },
  cluster: { writeNotes: true, vote: false, propose: true },
  vote: { writeNotes: false, vote: true, propose: false },
  assign: { writeNotes: false, vote: false, propose: true },
  review: { writeNotes: false, vote: false, propose: false },
};

export function isPhase(value: unknown): value is Phase {
  return typeof value === 'string' && (PHASES as readonly string[]).includes(value);
}
