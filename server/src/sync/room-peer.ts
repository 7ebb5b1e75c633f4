/** What a room needs from a connection: a way to send and to close. */
export interface RoomPeer {
  readonly id: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** Whether the peer understands Tabella's `saved` and `storage` messages (it asked with `ack=1`). */
  readonly wantsAcks?: boolean;
}
