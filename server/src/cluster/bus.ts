import type { BusMessage } from './bus-messages.js';

/** The bus between nodes: `ok` connected, `down` configured but unreachable, `off` not configured. */
export type BusState = 'ok' | 'down' | 'off';

/**
 * Fast path between the nodes that share a store: per-board channels that
 * may lose messages (Redis pub/sub does when a subscriber is slow or
 * reconnecting). Callers never depend on delivery: see ClusterNode.
 */
export interface ClusterBus {
  readonly nodeId: string;
  readonly state: BusState;
  /** Starts listening to a board's channel; resolves once subscribed, or at once while the bus is down. */
  join(boardId: string): Promise<void>;
  /** Stops listening to it. */
  leave(boardId: string): void;
  /** Sends, without waiting; lost while the bus is down. */
  publish(boardId: string, message: BusMessage): void;
  /** Every message from another node. */
  onMessage: (boardId: string, message: BusMessage) => void;
  /** The subscription came back after a break: whatever was published meanwhile is lost. */
  onReconnect: () => void;
  close(): Promise<void>;
}
