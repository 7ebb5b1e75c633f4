import { RULES, WRITE_LIMITS, type RuleId, type Verdict, type WriteLimit } from './rules.js';

/**
 * How a refused update is told over the websocket: the close reason (4403)
 * starts with the rule id, then the limit if one applies, then the English
 * reason for logs: `R4: you can only ...`, `R11/person-quota: you have ...`.
 * The client reads the ids and words them itself. Close reasons hold at most
 * 123 bytes: the sender cuts from the end, so the English part may be cut,
 * never the ids.
 */
export function refusalReason(verdict: Extract<Verdict, { ok: false }>): string {
  return `${verdict.rule}${verdict.limit ? `/${verdict.limit}` : ''}: ${verdict.reason}`;
}

const REFUSAL = /^(R\d+)(?:\/([a-z-]+))?:/;

/** The rule (and limit) a 4403 close reason names; undefined for a reason this client cannot read. */
export function readRefusal(reason: string): { rule: RuleId; limit?: WriteLimit } | undefined {
  const match = REFUSAL.exec(reason);
  if (!match || !Object.hasOwn(RULES, match[1]!)) return undefined;
  const limit = WRITE_LIMITS.find((l) => l === match[2]);
  return limit ? { rule: match[1] as RuleId, limit } : { rule: match[1] as RuleId };
}
