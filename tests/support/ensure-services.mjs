#!/usr/bin/env node
// Scale-out tests start their own PostgreSQL 15, Redis and HAProxy (on free
// ports, in temp folders; never a system service). Finds the programs,
// installs Debian's packages when we are root on a Debian-like system, or
// says exactly what is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const programs = [
  { name: 'PostgreSQL 15', found: () => existsSync(`${PG_BIN}/initdb`) && existsSync(`${PG_BIN}/postgres`), service: 'postgresql' },
  { name: 'redis-server', found: () => onPath('redis-server'), service: 'redis-server' },
  { name: 'haproxy', found: () => onPath('haproxy'), service: 'haproxy' },
];
const missing = () => programs.filter((p) => !p.found());

if (missing().length === 0) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  const installing = missing();
  console.log(`${installing.map((p) => p.name).join(', ')} not found: installing Debian packages postgresql, redis-server, haproxy for the tests...`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'postgresql', 'redis-server', 'haproxy'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // fall through to the message below
  }
  // Installing may start system services: the tests start their own, so stop them.
  for (const p of installing) spawnSync('service', [p.service, 'stop'], { stdio: 'ignore' });
  if (missing().length === 0) process.exit(0);
}

console.error(
  [
    `Scale-out tests need ${missing().map((p) => p.name).join(', ')}, which this machine lacks.`,
    'Install them with:   sudo apt-get install -y postgresql redis-server haproxy',
    `(PostgreSQL 15's programs are looked for in ${PG_BIN}; set PG_BIN to use others.)`,
  ].join('\n'),
);
process.exit(1);
