#!/usr/bin/env node
// Development: the server with reload (tsx watch) on :8080 and Vite with hot
// reload on :5173, which proxies /api and /sync to the server.
import { spawn } from 'node:child_process';

// The backend runs plain http in development whatever the TLS settings say:
// Vite's proxy talks to it on 127.0.0.1, and localhost is a secure context, so
// the service worker works without a certificate.
const { TLS_CERT_FILE: _cert, TLS_KEY_FILE: _key, ...env } = process.env;
// Pages come from Vite's port, so the backend must accept websockets from that origin (never the Host header's).
const viteOrigins = 'http://localhost:5173,http://127.0.0.1:5173';
const allowedOrigins = [env.ALLOWED_ORIGINS, viteOrigins].filter(Boolean).join(',');
const children = [
  spawn('npx', ['tsx', 'watch', 'server/src/main.ts'], {
    stdio: 'inherit', env: { ...env, TLS: 'off', PORT: process.env.PORT ?? '8080', ALLOWED_ORIGINS: allowedOrigins },
  }),
  spawn('npx', ['vite', '--config', 'client/vite.config.ts'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children) child.on('exit', (code) => {
  if (code) {
    stop();
    process.exitCode = code;
  }
});
