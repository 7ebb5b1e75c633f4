export * from './inspect-update.js';
export * from './rules.js';
