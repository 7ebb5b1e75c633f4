/**
 * `npm run bench`: every scenario of issue 5 against Tabella and the
 * reference y-websocket 2.1.0 server, one table, written to
 * docs/performance.md. Options:
 *   --quick            a few seconds per scenario, fewer clients (CI proves the harness works)
 *   --only=1,3         scenarios to run (default all: 1..10; 8-10 run Tabella only)
 *   --tabella-only     skip the reference server
 *   --seconds=N        measured seconds of scenarios 1, 2 and 8-10 (default 60 / 30 / 60, 30, 30; quick 4)
 *   --no-write         print the table only (quick mode never writes)
 *   --json=FILE        also write the raw results as JSON
 *   --report-from=FILE rebuild docs/performance.md from such a JSON (its date, machine and command), run nothing
 *   --workers=N        client worker threads for scenarios 1-3 (default 4)
 * Needs `npm run build` first (the server and the client are the built ones).
 */
import { execSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import { bigBoard } from './browser.js';
import { tableView } from './table.js';
import { firstLoad } from './first-load.js';
import { joinStorm, memory, workshop } from './scenarios.js';
import { clusterWorkshop } from './cluster.js';
import { buildReport, type Results } from './report.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const value = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

const quick = flag('quick');
const only = new Set((value('only') ?? '1,2,3,4,5,6,7,8,9,10').split(',').map(Number));
const withReference = !flag('tabella-only');
const seconds = value('seconds') ? Number(value('seconds')) : undefined;
const workers = Number(value('workers') ?? 4);
const startLoad = loadavg();

/** Runs one scenario on one server; a failure is reported in the table instead of ending the run. */
async function attempt<T>(results: Results, what: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    console.error(`[bench] ${what} failed:`, error);
    (results.failures ??= []).push(`${what}: ${message}`);
    return undefined;
  } finally {
    // Raw results so far, in case a later scenario takes the harness down.
    const json = value('json');
    if (json) writeFileSync(json, JSON.stringify(results, null, 2));
  }
}

async function main(): Promise<void> {
  const from = value('report-from');
  if (from) {
    const saved = JSON.parse(readFileSync(from, 'utf8')) as Results;
    if (!saved.meta) throw new Error(`${from} has no meta (date, machine, command): it predates --report-from`);
    writeReport(buildReport(saved, saved.meta.machine, saved.meta.command, new Date(saved.meta.date)), saved.quick);
    return;
  }
  const results: Results = { quick };
  const kinds = withReference ? (['tabella', 'reference'] as const) : (['tabella'] as const);
  const log = (msg: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${msg}`);
  if (only.has(1)) {
    results.workshop = [];
    for (const kind of kinds) {
      log(`scenario 1 (one workshop) on ${kind}`);
      push(results.workshop, await attempt(results, `scenario 1 on ${kind}`, () => workshop(kind, {
        boards: 1, clientsPerBoard: quick ? 10 : 60, notesPerBoard: quick ? 100 : 600,
        seconds: seconds ?? (quick ? 4 : 60), warmupSeconds: quick ? 1 : 5,
        cursorHz: 20, editEveryMs: quick ? 1000 : 3000, client: 'stock', workers,
      })));
    }
  }
  if (only.has(2)) {
    results.busy = [];
    for (const kind of kinds) {
      log(`scenario 2 (busy server) on ${kind}`);
      push(results.busy, await attempt(results, `scenario 2 on ${kind}`, () => workshop(kind, {
        boards: quick ? 2 : 10, clientsPerBoard: quick ? 10 : 60, notesPerBoard: quick ? 100 : 600,
        seconds: seconds ?? (quick ? 4 : 30), warmupSeconds: quick ? 1 : 5,
        cursorHz: 20, editEveryMs: quick ? 1000 : 3000, client: 'lean', workers,
      })));
    }
  }
  if (only.has(3)) {
    // Stock providers decode the board (the clients' part); lean clients only receive it (the server's part).
    for (const client of ['stock', 'lean'] as const) {
      const list = client === 'stock' ? (results.joinStorm = []) : (results.joinStormLean = []);
      for (const kind of kinds) {
        const what = `scenario 3${client === 'lean' ? ' (receiving only)' : ''} on ${kind}`;
        log(what);
        push(list, await attempt(results, what, () => joinStorm(kind, { clients: quick ? 10 : 60, notes: quick ? 200 : 2000, workers, client })));
      }
    }
  }
  if (only.has(4)) {
    log('scenario 4 (big board in a browser) on tabella');
    results.browser = await attempt(results, 'scenario 4', () => bigBoard({ notes: quick ? 200 : 2000, panSteps: quick ? 30 : 120 }));
  }
  if (only.has(6)) {
    log('scenario 6 (notes table in a browser) on tabella');
    const measured = measuredNow();
    const table = await attempt(results, 'scenario 6', () => tableView({ notes: quick ? 200 : 2000 }));
    if (table) results.table = { ...table, measured };
  }
  if (only.has(7)) {
    log('scenario 7 (first load in a browser) on tabella');
    const measured = measuredNow();
    const first = await attempt(results, 'scenario 7', () => firstLoad({ notes: 300, runs: quick ? 3 : 20 }));
    if (first) results.firstLoad = { ...first, measured };
  }
  if (only.has(5)) {
    results.memory = [];
    for (const kind of kinds) {
      log(`scenario 5 (memory) on ${kind}`);
      push(results.memory, await attempt(results, `scenario 5 on ${kind}`, () => memory(kind, { notes: quick ? 200 : 2000, connections: quick ? 50 : 600 })));
    }
  }
  // Scale-out (issue 14): two nodes on one PostgreSQL and one Redis; Tabella only (the reference has no cluster).
  const cluster = [
    { n: 8, key: 'clusterPair', what: 'one workshop on two nodes', boards: 1, people: quick ? 10 : 60, seconds: 60, client: 'stock' },
    { n: 9, key: 'clusterBigRoom', what: 'one board of 300 on two nodes', boards: 1, people: quick ? 20 : 300, seconds: 30, client: 'lean' },
    { n: 10, key: 'clusterBoards', what: '20 workshops on two nodes', boards: quick ? 2 : 20, people: quick ? 10 : 60, seconds: 30, client: 'lean' },
  ] as const;
  for (const c of cluster) {
    if (!only.has(c.n)) continue;
    log(`scenario ${c.n} (${c.what}) on tabella`);
    const measured = measuredNow();
    const result = await attempt(results, `scenario ${c.n}`, () => clusterWorkshop({
      nodes: 2, boards: c.boards, clientsPerBoard: c.people, notesPerBoard: quick ? 100 : 600,
      seconds: seconds ?? (quick ? 4 : c.seconds), warmupSeconds: quick ? 1 : 5,
      cursorHz: 20, editEveryMs: quick ? 1000 : 3000, client: c.client, workers,
    }));
    if (result) results[c.key] = { ...result, measured };
  }
  const command = `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`;
  results.meta = { date: new Date().toISOString(), machine: machine(), command };
  const report = buildReport(results, results.meta.machine, command, new Date(results.meta.date));
  const json = value('json');
  if (json) writeFileSync(json, JSON.stringify(results, null, 2));
  // A full run keeps its raw results next to the page (`--report-from` rebuilds the page from them).
  if (!quick && !flag('no-write')) writeFileSync(fileURLToPath(new URL('../../docs/performance.json', import.meta.url)), JSON.stringify(results, null, 2));
  writeReport(report, quick);
}

function writeReport(report: string, quick: boolean | undefined): void {
  console.log(report);
  if (!quick && !flag('no-write')) {
    const file = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
    writeFileSync(file, report);
    console.error(`[bench] written to ${file}`);
  }
}

/**
 * When, how and under what load a scenario was measured: scenarios 6-10 are
 * often run alone and merged into a full run's JSON (`--report-from` then says so).
 */
function measuredNow(): { date: string; command: string; load: string } {
  return {
    date: new Date().toISOString(), command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    load: loadavg().map((n) => n.toFixed(2)).join(' '),
  };
}

function push<T>(list: T[], item: T | undefined): void {
  if (item !== undefined) list.push(item);
}

function machine(): string {
  const model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? cpus()[0]?.model ?? '?';
  let nproc = String(cpus().length);
  try {
    nproc = execSync('nproc').toString().trim();
  } catch {
    // nproc missing: the count Node sees
  }
  // The load before the run says whether the machine was quiet (other work skews every timing).
  const load = startLoad.map((n) => n.toFixed(2)).join(' ');
  return `${nproc} cores (nproc), ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GB RAM, Node ${process.version}, ${process.platform}; load average ${load} at the start`;
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
