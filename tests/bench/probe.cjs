/* global require, process */
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS on purpose: it must preload into both servers */
// Preloaded into a benchmarked server process (`node --require probe.cjs`),
// so the server's own code stays untouched. It answers stat requests on the
// IPC channel the harness opened: heap (after a full GC when asked), CPU time,
// peak RSS and event-loop delay since the last reset. CommonJS so it loads
// into both the ESM Tabella server and the CommonJS reference server.
'use strict';
const { monitorEventLoopDelay } = require('node:perf_hooks');
const { readFileSync } = require('node:fs');

if (typeof process.send === 'function') {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  process.on('message', (msg) => {
    if (!msg || typeof msg !== 'object' || msg.probe === undefined) return;
    if (msg.gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    const status = readFileSync('/proc/self/status', 'utf8');
    const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
    const mem = process.memoryUsage();
    const cpu = process.cpuUsage();
    const reply = {
      probe: msg.probe,
      heapUsed: mem.heapUsed,
      heapTotal: mem.heapTotal,
      external: mem.external,
      arrayBuffers: mem.arrayBuffers,
      rss: mem.rss,
      peakRss: hwm ? Number(hwm[1]) * 1024 : NaN,
      cpuMicros: cpu.user + cpu.system,
      loopDelay: {
        p50: delay.percentile(50) / 1e6,
        p99: delay.percentile(99) / 1e6,
        max: delay.max / 1e6,
        mean: delay.mean / 1e6,
      },
    };
    if (msg.resetLoop) delay.reset();
    process.send(reply);
  });
  // The IPC channel must not keep a server alive that wants to exit.
  if (process.channel && typeof process.channel.unref === 'function') process.channel.unref();
}
