/**
 * Typed transaction origins. Every `doc.transact` in Tabella passes one of these so
 * that undo (tracks only the local user's origin object), persistence (skips what
 * it loaded itself) and permission checks can tell who caused a change.
 */
export type Origin =
  /** A user's own action in this process. Undo tracks exactly this object. */
  | { readonly kind: 'local'; readonly actorId: string }
  /** An update received from a peer (over the network). */
  | { readonly kind: 'remote'; readonly peer: string }
  /** The system itself: loading from storage, applying a template, migrations. */
  | { readonly kind: 'system'; readonly reason: string };

export function localOrigin(actorId: string): Origin {
  return { kind: 'local', actorId };
}

export function remoteOrigin(peer: string): Origin {
  return { kind: 'remote', peer };
}

export function systemOrigin(reason: string): Origin {
  return { kind: 'system', reason };
}
