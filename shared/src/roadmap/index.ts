export * from './types.js';
export * from './labels.js';
export * from './build-roadmap.js';
export * from './open-notes.js';
export * from './accent.js';
