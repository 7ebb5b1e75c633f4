import type { ClusterBus } from './bus.js';

/** Nodes sharing a store without Redis: nothing travels fast, the poll carries everything. */
export class NoBus implements ClusterBus {
  readonly state = 'off' as const;
  onMessage = () => undefined;
  onReconnect = () => undefined;

  constructor(readonly nodeId: string) {}

  async join(): Promise<void> {}
  leave(): void {}
  publish(): void {}
  async close(): Promise<void> {}
}
