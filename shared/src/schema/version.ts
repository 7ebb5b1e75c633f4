/**
 * The version of the board layout (layout.ts, docs/board-schema.md). In a
 * module of its own, without Yjs: the pages that load before a board (home,
 * join) read board metadata types and limits without loading Yjs.
 */
export const SCHEMA_VERSION = 1;
