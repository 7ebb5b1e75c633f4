import { describe, expect, it } from 'vitest';
import {
  TIMER_MAX_MS, addSegment, assignGroup, autoAssignGroups, extendTimer, pauseTimer, placeNewcomer, readBoard, removeSegment,
  resumeTimer, setPhase, setPrivateWriting, setSpotlight, startTimer, stopTimer, timerRemainingMs, upsertMember,
  type Phase, type SpotlightTarget,
} from '../../shared/src/index.js';
import { blankDoc, expectOneTransaction, expectRejected, me, smallBoard, system } from './helpers.js';

const session = (doc: ReturnType<typeof blankDoc>) => readBoard(doc).session;

describe('phase and private writing', () => {
  it('setPhase and setPrivateWriting write one transaction each', () => {
    const doc = blankDoc();
    expectOneTransaction(doc, me, () => setPhase(doc, 'cluster', me));
    expectOneTransaction(doc, me, () => setPrivateWriting(doc, true, me));
    expect(session(doc)).toMatchObject({ phase: 'cluster', privateWriting: true });
    setPrivateWriting(doc, false, me);
    expect(session(doc).privateWriting).toBe(false);
  });

  it('rejects unknown phases and non-booleans', () => {
    const doc = blankDoc();
    expectRejected(doc, () => setPhase(doc, 'lunch' as Phase, me));
    expectRejected(doc, () => setPrivateWriting(doc, 'yes' as unknown as boolean, me));
  });
});

describe('timer (server time)', () => {
  it('counts down, pauses, resumes and extends with the arithmetic every screen agrees on', () => {
    const doc = blankDoc();
    expectOneTransaction(doc, me, () => startTimer(doc, 60_000, 1_000, me));
    let t = session(doc).timer!;
    expect(t).toEqual({ status: 'running', durationMs: 60_000, endsAt: 61_000, remainingMs: 60_000 });
    expect(timerRemainingMs(t, 11_000)).toBe(50_000);
    expect(timerRemainingMs(t, 90_000)).toBe(0); // never negative

    expectOneTransaction(doc, me, () => pauseTimer(doc, 21_000, me));
    t = session(doc).timer!;
    expect(t.status).toBe('paused');
    expect(timerRemainingMs(t, 21_000)).toBe(40_000);
    expect(timerRemainingMs(t, 500_000)).toBe(40_000); // frozen while paused

    expectOneTransaction(doc, me, () => extendTimer(doc, 30_000, 100_000, me)); // paused: adds to the time left
    t = session(doc).timer!;
    expect(t).toMatchObject({ status: 'paused', remainingMs: 70_000, durationMs: 90_000 });

    expectOneTransaction(doc, me, () => resumeTimer(doc, 200_000, me));
    t = session(doc).timer!;
    expect(t).toMatchObject({ status: 'running', endsAt: 270_000 });
    expect(timerRemainingMs(t, 230_000)).toBe(40_000);

    extendTimer(doc, -10_000, 230_000, me); // running: shortens
    t = session(doc).timer!;
    expect(timerRemainingMs(t, 230_000)).toBe(30_000);
    expect(t.durationMs).toBe(80_000);

    extendTimer(doc, -60_000, 230_000, me); // cannot go below zero
    expect(timerRemainingMs(session(doc).timer!, 230_000)).toBe(0);

    // Time's up: "two more minutes" counts from now.
    extendTimer(doc, 120_000, 400_000, me);
    t = session(doc).timer!;
    expect(t.endsAt).toBe(520_000);
    expect(t.durationMs).toBeGreaterThanOrEqual(120_000);

    expectOneTransaction(doc, me, () => stopTimer(doc, me));
    t = session(doc).timer!;
    expect(t.status).toBe('stopped');
    expect(timerRemainingMs(t, 400_000)).toBe(0);
    expect(timerRemainingMs(null, 0)).toBe(0);
  });

  it('validates durations, states and clocks', () => {
    const doc = blankDoc();
    expectRejected(doc, () => stopTimer(doc, me));
    expectRejected(doc, () => pauseTimer(doc, 0, me));
    expectRejected(doc, () => resumeTimer(doc, 0, me));
    expectRejected(doc, () => extendTimer(doc, 1000, 0, me));
    expectRejected(doc, () => startTimer(doc, 999, 0, me));
    expectRejected(doc, () => startTimer(doc, TIMER_MAX_MS + 1, 0, me));
    expectRejected(doc, () => startTimer(doc, Number.NaN, 0, me));
    expectRejected(doc, () => startTimer(doc, 1000, Number.POSITIVE_INFINITY, me));
    startTimer(doc, 1000, 0, me);
    startTimer(doc, TIMER_MAX_MS, 0, me);
    expectRejected(doc, () => resumeTimer(doc, 0, me)); // running, not paused
    expectRejected(doc, () => extendTimer(doc, 1, 0, me)); // over 4 h
    expectRejected(doc, () => extendTimer(doc, 0, 0, me));
    pauseTimer(doc, 0, me);
    expectRejected(doc, () => pauseTimer(doc, 0, me));
    stopTimer(doc, me);
    expectRejected(doc, () => extendTimer(doc, 1000, 0, me));
    expectRejected(doc, () => pauseTimer(doc, 0, me));
  });
});

describe('spotlight', () => {
  it('increments seq on every request, in one transaction', () => {
    const { doc, segmentId, stageA } = smallBoard();
    expectOneTransaction(doc, me, () => setSpotlight(doc, { kind: 'viewport', x: 10, y: -5, scale: 0.5 }, 'fac', 100, me));
    expect(session(doc).spotlight).toEqual({ seq: 1, by: 'fac', at: 100, target: { kind: 'viewport', x: 10, y: -5, scale: 0.5 } });
    setSpotlight(doc, { kind: 'segment', id: segmentId }, 'fac', 200, me);
    expect(session(doc).spotlight).toMatchObject({ seq: 2, target: { kind: 'segment', id: segmentId } });
    setSpotlight(doc, { kind: 'stage', id: stageA }, 'fac2', 300, me);
    expect(session(doc).spotlight).toMatchObject({ seq: 3, by: 'fac2', at: 300, target: { kind: 'stage', id: stageA } });
  });

  it('rejects bad targets, unknown segments and stages, bad member ids', () => {
    const { doc } = smallBoard();
    const bad = (target: unknown) => expectRejected(doc, () => setSpotlight(doc, target as SpotlightTarget, 'fac', 1, me));
    bad({ kind: 'viewport', x: Number.NaN, y: 0, scale: 1 });
    bad({ kind: 'viewport', x: 0, y: 0, scale: 0 });
    bad({ kind: 'elsewhere', id: 'x' });
    bad(null);
    expectRejected(doc, () => setSpotlight(doc, { kind: 'segment', id: 'nope' }, 'fac', 1, me), 'not-found');
    expectRejected(doc, () => setSpotlight(doc, { kind: 'stage', id: 'nope' }, 'fac', 1, me), 'not-found');
    expectRejected(doc, () => setSpotlight(doc, { kind: 'viewport', x: 0, y: 0, scale: 1 }, 'a b', 1, me));
  });
});

describe('breakout groups', () => {
  it('assigns, moves and removes a member', () => {
    const { doc, segmentId } = smallBoard();
    const other = addSegment(doc, { name: 'Distributors' }, system);
    expectOneTransaction(doc, me, () => assignGroup(doc, 'ann', segmentId, me));
    assignGroup(doc, 'ann', other, me);
    expect(readBoard(doc).groups.get('ann')).toBe(other);
    expectOneTransaction(doc, me, () => assignGroup(doc, 'ann', null, me));
    expect(readBoard(doc).groups.has('ann')).toBe(false);
    expectRejected(doc, () => assignGroup(doc, 'ann', 'nope', me), 'not-found');
    expectRejected(doc, () => assignGroup(doc, 'a:b', segmentId, me));
  });

  it('spreads 60 members evenly over the segments in order, round-robin, in one transaction', () => {
    const { doc, segmentId } = smallBoard();
    const s2 = addSegment(doc, { name: 'Two' }, system);
    const s3 = addSegment(doc, { name: 'Three' }, system);
    const ids = Array.from({ length: 60 }, (_, i) => `m${i}`);
    expectOneTransaction(doc, me, () => autoAssignGroups(doc, ids, me));
    const groups = readBoard(doc).groups;
    const count = (s: string) => [...groups.values()].filter((g) => g === s).length;
    expect([count(segmentId), count(s2), count(s3)]).toEqual([20, 20, 20]);
    expect([groups.get('m0'), groups.get('m1'), groups.get('m2'), groups.get('m3')]).toEqual([segmentId, s2, s3, segmentId]);

    autoAssignGroups(doc, [...ids, 'm60'], me);
    const g2 = readBoard(doc).groups;
    expect([...g2.values()].filter((g) => g === segmentId)).toHaveLength(21);

    expectRejected(doc, () => autoAssignGroups(doc, ['a', 'a'], me));
    expectRejected(doc, () => autoAssignGroups(doc, ['bad id'], me));
    const empty = blankDoc();
    expectRejected(empty, () => autoAssignGroups(empty, ['a'], me));
  });

  it('removing a segment removes the assignments to it in the same transaction', () => {
    const { doc, segmentId } = smallBoard();
    const other = addSegment(doc, { name: 'Two' }, system);
    assignGroup(doc, 'ann', segmentId, me);
    assignGroup(doc, 'bob', other, me);
    expectOneTransaction(doc, me, () => removeSegment(doc, segmentId, me));
    expect([...doc.getMap('groups').keys()]).toEqual(['bob']);
    expect(readBoard(doc).problems).toEqual([]);
  });

  it('a latecomer joins the smallest group (first in board order among equals); no groups, no placement', () => {
    const { doc, segmentId } = smallBoard();
    const s2 = addSegment(doc, { name: 'Two' }, system);
    const s3 = addSegment(doc, { name: 'Three' }, system);
    expect(placeNewcomer(doc, 'early', system)).toBeUndefined();
    expect(readBoard(doc).groups.size).toBe(0);
    autoAssignGroups(doc, ['a', 'b', 'c', 'd'], me); // OEM 2, Two 1, Three 1
    expect(expectOneTransaction(doc, system, () => placeNewcomer(doc, 'late1', system))).toBe(s2);
    expect(placeNewcomer(doc, 'late2', system)).toBe(s3);
    expect(placeNewcomer(doc, 'late3', system)).toBe(segmentId);
    // Someone already in a group stays there.
    expect(placeNewcomer(doc, 'late1', system)).toBe(s2);
    expect(readBoard(doc).groups.get('late3')).toBe(segmentId);
  });
});

describe('members (server-written)', () => {
  it('upsertMember creates, then writes only changed fields', () => {
    const doc = blankDoc();
    const rec = { name: '  Ann  ', department: 'sales', role: 'participant' as const, joinedAt: 5, removed: false };
    expectOneTransaction(doc, system, () => upsertMember(doc, 'ann', rec, system));
    expect(readBoard(doc).membersById.get('ann')).toEqual({ id: 'ann', ...rec, name: 'Ann' });
    let updates = 0;
    doc.on('update', () => updates++);
    upsertMember(doc, 'ann', { ...rec, name: 'Ann' }, system);
    expect(updates).toBe(0);
    upsertMember(doc, 'ann', { ...rec, role: 'viewer', removed: true }, system);
    expect(readBoard(doc).membersById.get('ann')).toMatchObject({ role: 'viewer', removed: true, name: 'Ann' });
  });

  it('rejects invalid member records', () => {
    const doc = blankDoc();
    const rec = { name: 'Ann', department: '', role: 'participant' as const, joinedAt: 5, removed: false };
    expectRejected(doc, () => upsertMember(doc, 'a b', rec, system));
    expectRejected(doc, () => upsertMember(doc, 'ann', { ...rec, name: ' ' }, system));
    expectRejected(doc, () => upsertMember(doc, 'ann', { ...rec, name: 'x'.repeat(61) }, system));
    expectRejected(doc, () => upsertMember(doc, 'ann', { ...rec, department: 'Sales' }, system));
    expectRejected(doc, () => upsertMember(doc, 'ann', { ...rec, role: 'admin' as 'viewer' }, system));
    expectRejected(doc, () => upsertMember(doc, 'ann', { ...rec, joinedAt: Number.NaN }, system));
  });
});
