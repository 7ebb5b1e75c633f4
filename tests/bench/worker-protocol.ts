import type { Endpoint, Identity } from './clients.js';
import type { ArrivalEvent, SendEvent } from './latency.js';
import type { RoomSpec, WorkloadOptions } from './rooms.js';

/** One simulated person a worker connects: who, where, and their place in their room. */
export interface PersonPlan {
  index: number;
  endpoint: Endpoint;
  identity: Identity;
  /** Position in the room: spreads the person's notes over the stages. */
  slot: number;
}

/** Main thread -> client worker. Every command gets exactly one `Reply` with its `id`. */
export type Command =
  | { id: number; cmd: 'connect'; client: 'stock' | 'lean'; people: PersonPlan[] }
  | { id: number; cmd: 'synced'; timeoutMs: number }
  | { id: number; cmd: 'waitNotes'; min: number; timeoutMs: number }
  | { id: number; cmd: 'addOwnNotes'; count: number }
  | { id: number; cmd: 'start'; options: WorkloadOptions; peers: Record<number, number[]>; receiveOnly: boolean }
  | { id: number; cmd: 'stop' }
  | { id: number; cmd: 'flush' }
  | { id: number; cmd: 'storm'; client: 'stock' | 'lean'; spec: RoomSpec; people: { index: number; i: number }[]; notes: number; t0: number }
  | { id: number; cmd: 'destroy' };

/** What `stop` answers: the workload's errors, every close its clients saw, and each edited note's last text. */
export interface StopResult {
  errors: string[];
  closes: string[];
  finalTexts: [noteId: string, text: string][];
}

/**
 * What `storm` answers: each person's time from `t0` to holding every note
 * (stock) or to receiving the board (lean), ms, and the size of what each
 * lean client received.
 */
export interface StormResult {
  times: number[];
  syncBytes: number[];
  errors: string[];
}

/** Client worker -> main thread. Latency batches come unasked; a batch always precedes the reply that follows it. */
export type WorkerMessage =
  | { type: 'reply'; id: number; result?: unknown; error?: string }
  | { type: 'latency'; sends: SendEvent[]; arrivals: ArrivalEvent[] };
