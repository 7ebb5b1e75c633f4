import type { BusStats, ClusterBus } from './bus.js';

/** Nodes sharing a store without Redis: nothing travels fast, the poll carries everything. */
export class NoBus implements ClusterBus {
  readonly state = 'off' as const;
  readonly stats: BusStats = { published: 0, publishedBytes: 0, received: 0, receivedBytes: 0 };
  onMessage = () => undefined;
  onReconnect = () => undefined;

  constructor(readonly nodeId: string) {}

  async join(): Promise<void> {}
  leave(): void {}
  publish(): void {}
  async close(): Promise<void> {}
}
