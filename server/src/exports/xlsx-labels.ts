import type { Language } from '../../../shared/src/index.js';

/** The workbook's own words, beyond the roadmap labels every export shares (labels.ts). */
export interface XlsxLabels {
  /** The choices of the Progress column, in order (the data validation's list: no commas inside). */
  progressValues: readonly [string, string, string];
  progressPromptTitle: string;
  progressPrompt: string;
  /** A department sheet's columns. */
  action: string;
  role: string;
  otherDepartments: string;
  commitment: string;
  /** Role of a row that only carries the department's commitment for a stage where it has no action. */
  commitmentOnly: string;
  /** A department sheet's name when its name has no character a sheet name may hold. */
  departmentSheet: (n: number) => string;
  /** Summary sheet. */
  roadmapContents: string;
  stageSummaries: string;
  segmentSummaries: string;
  logo: string;
}

const en: XlsxLabels = {
  progressValues: ['Not started', 'In progress', 'Done'],
  progressPromptTitle: 'Progress',
  progressPrompt: 'Pick Not started, In progress or Done.',
  action: 'Action',
  role: 'Role',
  otherDepartments: 'Other departments',
  commitment: 'Our commitment for the stage',
  commitmentOnly: 'Commitment',
  departmentSheet: (n) => `Department ${n}`,
  roadmapContents: 'In this workbook',
  stageSummaries: 'Stage summaries',
  segmentSummaries: 'Segment summaries',
  logo: 'Logo',
};

const it: XlsxLabels = {
  progressValues: ['Da iniziare', 'In corso', 'Fatto'],
  progressPromptTitle: 'Avanzamento',
  progressPrompt: 'Scegliere Da iniziare, In corso o Fatto.',
  action: 'Azione',
  role: 'Ruolo',
  otherDepartments: 'Altri reparti',
  commitment: 'Il nostro impegno per la fase',
  commitmentOnly: 'Impegno',
  departmentSheet: (n) => `Reparto ${n}`,
  roadmapContents: 'In questa cartella',
  stageSummaries: 'Sintesi delle fasi',
  segmentSummaries: 'Sintesi dei segmenti',
  logo: 'Logo',
};

const XLSX_LABELS: Readonly<Record<Language, XlsxLabels>> = { en, it };

export function xlsxLabels(language: Language): XlsxLabels {
  return XLSX_LABELS[language] ?? en;
}
