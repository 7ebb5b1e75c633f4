import type { SortKey } from './tableSort.js';

/** The table's columns in order: i18n key `table.col.<id>`, the sort key its header sets, its CSS grid width. */
export interface Column {
  id: string;
  sort?: SortKey;
  width: string;
}

export const COLUMNS: Column[] = [
  { id: 'select', width: '44px' },
  { id: 'rank', sort: 'rank', width: '70px' },
  { id: 'votes', sort: 'votes', width: '90px' },
  { id: 'segment', sort: 'segment', width: 'minmax(110px, 0.7fr)' },
  { id: 'stage', sort: 'stage', width: 'minmax(120px, 0.8fr)' },
  { id: 'kind', sort: 'kind', width: '110px' },
  { id: 'text', sort: 'text', width: 'minmax(240px, 2.6fr)' },
  { id: 'author', sort: 'author', width: 'minmax(110px, 0.8fr)' },
  { id: 'department', sort: 'department', width: 'minmax(128px, 0.7fr)' },
  { id: 'owners', sort: 'owners', width: 'minmax(190px, 1.5fr)' },
  { id: 'status', sort: 'status', width: '112px' },
  { id: 'responsible', sort: 'responsible', width: 'minmax(156px, 0.8fr)' },
  { id: 'supporting', width: 'minmax(100px, 0.7fr)' },
  { id: 'merged', sort: 'merged', width: '80px' },
];

export const GRID_TEMPLATE = COLUMNS.map((c) => c.width).join(' ');

/** Fixed row height (px): the virtualiser places rows without measuring them. */
export const ROW_HEIGHT = 48;
