#!/usr/bin/env node
// Scale-out tests start their own PostgreSQL 15, Redis and HAProxy (on free
// ports, in temp folders; never a system service); the office tests open the
// Word, PowerPoint and Excel exports in LibreOffice and read its PDFs. Finds
// the programs, installs Debian's packages when we are root on a Debian-like
// system, or says exactly what is missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
const programs = [
  { name: 'PostgreSQL 15', found: () => existsSync(`${PG_BIN}/initdb`) && existsSync(`${PG_BIN}/postgres`), service: 'postgresql' },
  { name: 'redis-server', found: () => onPath('redis-server'), service: 'redis-server' },
  { name: 'haproxy', found: () => onPath('haproxy'), service: 'haproxy' },
  { name: 'LibreOffice (soffice)', found: () => onPath('soffice'), service: undefined },
  { name: 'pdftoppm', found: () => onPath('pdftoppm'), service: undefined },
];
// Writer, Impress and Calc each open one of the exports; poppler-utils turns pages into pictures.
const PACKAGES = [
  'postgresql', 'redis-server', 'haproxy',
  'libreoffice-core', 'libreoffice-writer', 'libreoffice-impress', 'libreoffice-calc', 'poppler-utils', 'fonts-dejavu-core',
];
const missing = () => programs.filter((p) => !p.found());

if (missing().length === 0) {
  process.exit(0);
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (isRoot && onPath('apt-get')) {
  const installing = missing();
  console.log(`${installing.map((p) => p.name).join(', ')} not found: installing Debian packages ${PACKAGES.join(', ')} for the tests...`);
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...PACKAGES], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    // fall through to the message below
  }
  // Installing may start system services: the tests start their own, so stop them.
  for (const p of installing) if (p.service) spawnSync('service', [p.service, 'stop'], { stdio: 'ignore' });
  if (missing().length === 0) process.exit(0);
}

console.error(
  [
    `The tests need ${missing().map((p) => p.name).join(', ')}, which this machine lacks.`,
    `Install them with:   sudo apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}`,
    `(PostgreSQL 15's programs are looked for in ${PG_BIN}; set PG_BIN to use others.)`,
  ].join('\n'),
);
process.exit(1);
