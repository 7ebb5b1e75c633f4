/** One row of the performance table (report.ts). */
export type Row = [scenario: string, measure: string, target: string, tabella: string, reference: string, ratio: string, verdict: string];

/** A number for the table; a NaN (no answer from a probe) is null in the saved JSON, and both show as n/a. */
export const fmt = (n: number | null | undefined, digits = 1) => (n === undefined || n === null || Number.isNaN(n) ? 'n/a' : n.toFixed(digits));

export const verdict = (ok: boolean | undefined) => (ok === undefined ? '' : ok ? 'met' : '**missed**');
