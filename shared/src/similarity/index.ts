export * from './normalise.js';
export * from './stem.js';
export * from './terms.js';
export * from './score.js';
export * from './find-duplicates.js';
