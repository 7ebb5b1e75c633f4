export * from './effect.js';
export * from './rules.js';
export * from './rights.js';
export * from './refusal.js';
