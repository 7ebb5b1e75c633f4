export * from './effect.js';
export * from './rules.js';
