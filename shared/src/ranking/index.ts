export * from './rank-notes.js';
