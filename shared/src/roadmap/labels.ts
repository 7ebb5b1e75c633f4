import type { Language } from '../schema/meta.js';
import type { NoteKind, NoteStatus } from '../schema/note.js';
import type { FeedbackOutcome } from '../schema/feedback.js';

/** The fixed words of the roadmap exports (PDF, Markdown, CSV), per board language. */
export interface RoadmapLabels {
  /** BCP 47 tag for dates and numbers. */
  locale: string;
  salesRoadmap: string;
  contents: string;
  workshopDates: string;
  generatedOn: string;
  participants: string;
  participantsTotal: string;
  noDepartment: string;
  facilitators: (n: number) => string;
  segment: string;
  stageOverview: string;
  stage: string;
  salesStage: string;
  buyerStep: string;
  actions: string;
  leadDepartments: string;
  noActions: string;
  responsible: string;
  supporting: string;
  noOwner: string;
  responsibilityMatrix: string;
  matrixIntro: string;
  matrixLegend: string;
  departmentPages: string;
  whatWeOwn: string;
  weLead: string;
  weSupport: string;
  ourCommitments: string;
  nothingAssigned: string;
  commitments: string;
  noCommitments: string;
  appendix: string;
  parkedIdeas: string;
  noParked: string;
  openQuestions: string;
  noQuestions: string;
  voteCounts: string;
  noVotes: string;
  toSettle: string;
  feedback: string;
  noFeedback: string;
  text: string;
  kind: string;
  status: string;
  votes: string;
  authors: string;
  merged: string;
  /** The section of notes nobody accepted or parked yet, and what it says. */
  stillToDecide: string;
  stillToDecideIntro: string;
  nothingToDecide: string;
  /** The appendix's list of merged notes under the note they were merged into. */
  mergedNotes: string;
  mergedIntro: string;
  noMerged: string;
  mergedNote: string;
  includeNote: Record<'accepted' | 'all-open', string>;
  kinds: Record<NoteKind, string>;
  statuses: Record<NoteStatus, string>;
  outcomes: Record<FeedbackOutcome, string>;
  /** Column headings of the feedback CSV. */
  date: string;
  outcome: string;
  blocker: string;
  department: string;
  comment: string;
  rep: string;
  page: (n: number, of: number) => string;
  voteCount: (n: number) => string;
  mergedCount: (n: number) => string;
  people: (n: number) => string;
  openCount: (n: number) => string;
  /** "see <section>", pointing from a stage to the list of notes still to decide. */
  see: (section: string) => string;
  /** On the cover of a booklet exported without the notes still to decide. */
  openOmitted: (n: number) => string;
  warningNoOwner: string;
  warningTie: string;
  warningDiffers: string;
  suggested: string;
  proposals: string;
  /** The deliverables' own words (foreword, summaries, deck, workbook). */
  foreword: string;
  executiveSummary: string;
  summary: string;
  preparedFor: (company: string) => string;
  agenda: string;
  stagesAndActions: string;
  actionCount: (n: number) => string;
  continued: string;
  commitmentsAsked: string;
  progress: string;
  segmentStageNumber: string;
  total: string;
}

const en: RoadmapLabels = {
  locale: 'en-GB',
  salesRoadmap: 'Sales roadmap',
  contents: 'Contents',
  workshopDates: 'Workshop',
  generatedOn: 'Generated on',
  participants: 'Participants',
  participantsTotal: 'Total',
  noDepartment: 'No department',
  facilitators: (n) => (n === 1 ? '1 facilitator' : `${n} facilitators`),
  segment: 'Segment',
  stageOverview: 'Stage overview',
  stage: 'Stage',
  salesStage: 'Sales stage',
  buyerStep: 'Buyer step',
  actions: 'Actions',
  leadDepartments: 'Lead departments',
  noActions: 'No actions agreed for this stage yet.',
  responsible: 'Responsible',
  supporting: 'Supporting',
  noOwner: 'not assigned',
  responsibilityMatrix: 'Responsibility matrix',
  matrixIntro: 'How many of each stage\'s actions every department leads (R) or supports (S).',
  matrixLegend: 'R = responsible, S = supporting',
  departmentPages: 'Departments',
  whatWeOwn: 'What we own',
  weLead: 'We are responsible for',
  weSupport: 'We support',
  ourCommitments: 'Our commitments',
  nothingAssigned: 'Nothing assigned to this department yet.',
  commitments: 'Commitments',
  noCommitments: 'No commitments recorded yet.',
  appendix: 'Appendix',
  parkedIdeas: 'Parked ideas',
  noParked: 'No parked ideas.',
  openQuestions: 'Open questions',
  noQuestions: 'No open questions.',
  voteCounts: 'Vote counts',
  noVotes: 'No votes were cast.',
  toSettle: 'Points to settle',
  feedback: 'Feedback from the field',
  noFeedback: 'No feedback reported yet.',
  text: 'Text',
  kind: 'Kind',
  status: 'Status',
  votes: 'Votes',
  authors: 'Authors',
  merged: 'Merged',
  stillToDecide: 'Still to decide',
  stillToDecideIntro: 'Notes nobody has accepted or parked yet, stage by stage. Decide on them before the roadmap is final.',
  nothingToDecide: 'Nothing left to decide: every note was accepted or parked.',
  mergedNotes: 'Merged notes',
  mergedIntro: 'Notes merged into another during the workshop, with their authors, under the note that kept them.',
  noMerged: 'No notes were merged.',
  mergedNote: 'Merged',
  includeNote: {
    accepted: 'This roadmap lists the actions and best practices the facilitators accepted.',
    'all-open': 'No note was formally accepted: this roadmap lists every action and best practice that was not parked.',
  },
  kinds: { action: 'Action', 'best practice': 'Best practice', question: 'Question' },
  statuses: { open: 'Open', accepted: 'Accepted', parked: 'Parked' },
  outcomes: { worked: 'Worked', partly: 'Partly worked', blocked: 'Blocked' },
  date: 'Date',
  outcome: 'Outcome',
  blocker: 'What blocked it',
  department: 'Department involved',
  comment: 'Comment',
  rep: 'Rep',
  page: (n, of) => `Page ${n} of ${of}`,
  voteCount: (n) => (n === 1 ? '1 vote' : `${n} votes`),
  mergedCount: (n) => (n === 1 ? '1 note merged' : `${n} notes merged`),
  people: (n) => (n === 1 ? '1 person' : `${n} people`),
  openCount: (n) => (n === 1 ? '1 note still to decide' : `${n} notes still to decide`),
  see: (section) => `see “${section}”`,
  openOmitted: (n) => (n === 1
    ? '1 note still to decide is not listed in this booklet.'
    : `${n} notes still to decide are not listed in this booklet.`),
  warningNoOwner: 'No responsible department',
  warningTie: 'Owner contested: proposals tie',
  warningDiffers: 'Owner contested: most people proposed another department',
  suggested: 'most proposed',
  proposals: 'proposals',
  foreword: 'Foreword',
  executiveSummary: 'Executive summary',
  summary: 'Summary',
  preparedFor: (company) => `Prepared for ${company}`,
  agenda: 'Agenda',
  stagesAndActions: 'Stages and actions',
  actionCount: (n) => (n === 1 ? '1 action' : `${n} actions`),
  continued: 'continued',
  commitmentsAsked: 'Commitments asked of each department',
  progress: 'Progress',
  segmentStageNumber: 'No.',
  total: 'Total',
};

const it: RoadmapLabels = {
  locale: 'it-IT',
  salesRoadmap: 'Roadmap di vendita',
  contents: 'Indice',
  workshopDates: 'Workshop',
  generatedOn: 'Generato il',
  participants: 'Partecipanti',
  participantsTotal: 'Totale',
  noDepartment: 'Nessun reparto',
  facilitators: (n) => (n === 1 ? '1 facilitatore' : `${n} facilitatori`),
  segment: 'Segmento',
  stageOverview: 'Panoramica delle fasi',
  stage: 'Fase',
  salesStage: 'Fase di vendita',
  buyerStep: 'Passo dell\'acquirente',
  actions: 'Azioni',
  leadDepartments: 'Reparti responsabili',
  noActions: 'Nessuna azione ancora concordata per questa fase.',
  responsible: 'Responsabile',
  supporting: 'Supporto',
  noOwner: 'non assegnato',
  responsibilityMatrix: 'Matrice delle responsabilità',
  matrixIntro: 'Quante azioni di ogni fase ciascun reparto guida (R) o supporta (S).',
  matrixLegend: 'R = responsabile, S = supporto',
  departmentPages: 'Reparti',
  whatWeOwn: 'Di cosa siamo responsabili',
  weLead: 'Siamo responsabili di',
  weSupport: 'Supportiamo',
  ourCommitments: 'I nostri impegni',
  nothingAssigned: 'Ancora nulla di assegnato a questo reparto.',
  commitments: 'Impegni',
  noCommitments: 'Nessun impegno ancora registrato.',
  appendix: 'Appendice',
  parkedIdeas: 'Idee accantonate',
  noParked: 'Nessuna idea accantonata.',
  openQuestions: 'Domande aperte',
  noQuestions: 'Nessuna domanda aperta.',
  voteCounts: 'Conteggio dei voti',
  noVotes: 'Non è stato espresso alcun voto.',
  toSettle: 'Punti da definire',
  feedback: 'Riscontri dal campo',
  noFeedback: 'Nessun riscontro ancora segnalato.',
  text: 'Testo',
  kind: 'Tipo',
  status: 'Stato',
  votes: 'Voti',
  authors: 'Autori',
  merged: 'Unite',
  stillToDecide: 'Ancora da decidere',
  stillToDecideIntro: 'Note che nessuno ha ancora accettato o accantonato, fase per fase. Vanno decise prima che la roadmap sia definitiva.',
  nothingToDecide: 'Nulla da decidere: ogni nota è stata accettata o accantonata.',
  mergedNotes: 'Note unite',
  mergedIntro: 'Note unite a un\'altra durante il workshop, con i loro autori, sotto la nota che le ha accolte.',
  noMerged: 'Nessuna nota è stata unita.',
  mergedNote: 'Unita',
  includeNote: {
    accepted: 'Questa roadmap elenca le azioni e le buone pratiche accettate dai facilitatori.',
    'all-open': 'Nessuna nota è stata accettata formalmente: questa roadmap elenca tutte le azioni e le buone pratiche non accantonate.',
  },
  kinds: { action: 'Azione', 'best practice': 'Buona pratica', question: 'Domanda' },
  statuses: { open: 'Aperta', accepted: 'Accettata', parked: 'Accantonata' },
  outcomes: { worked: 'Ha funzionato', partly: 'In parte', blocked: 'Bloccato' },
  date: 'Data',
  outcome: 'Esito',
  blocker: 'Cosa l\'ha bloccato',
  department: 'Reparto coinvolto',
  comment: 'Commento',
  rep: 'Venditore',
  page: (n, of) => `Pagina ${n} di ${of}`,
  voteCount: (n) => (n === 1 ? '1 voto' : `${n} voti`),
  mergedCount: (n) => (n === 1 ? '1 nota unita' : `${n} note unite`),
  people: (n) => (n === 1 ? '1 persona' : `${n} persone`),
  openCount: (n) => (n === 1 ? '1 nota ancora da decidere' : `${n} note ancora da decidere`),
  see: (section) => `vedi «${section}»`,
  openOmitted: (n) => (n === 1
    ? '1 nota ancora da decidere non è elencata in questo documento.'
    : `${n} note ancora da decidere non sono elencate in questo documento.`),
  warningNoOwner: 'Nessun reparto responsabile',
  warningTie: 'Responsabile conteso: proposte in parità',
  warningDiffers: 'Responsabile conteso: i più hanno proposto un altro reparto',
  suggested: 'il più proposto',
  proposals: 'proposte',
  foreword: 'Prefazione',
  executiveSummary: 'Sintesi per la direzione',
  summary: 'Sintesi',
  preparedFor: (company) => `Preparato per ${company}`,
  agenda: 'Agenda',
  stagesAndActions: 'Fasi e azioni',
  actionCount: (n) => (n === 1 ? '1 azione' : `${n} azioni`),
  continued: 'continua',
  commitmentsAsked: 'Impegni richiesti a ciascun reparto',
  progress: 'Avanzamento',
  segmentStageNumber: 'N.',
  total: 'Totale',
};

export const ROADMAP_LABELS: Readonly<Record<Language, RoadmapLabels>> = { en, it };

export function roadmapLabels(language: Language): RoadmapLabels {
  return ROADMAP_LABELS[language] ?? en;
}

/** A date as the booklet prints it, e.g. "12 March 2025" / "12 marzo 2025" (UTC). */
export function formatRoadmapDate(ms: number, labels: RoadmapLabels): string {
  return new Intl.DateTimeFormat(labels.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(ms);
}

/** The workshop's dates: one day, or "from - to" when notes were written on later days. */
export function formatRoadmapDates(from: number, to: number, labels: RoadmapLabels): string {
  const a = formatRoadmapDate(from, labels);
  const b = formatRoadmapDate(Math.max(from, to), labels);
  return a === b ? a : `${a} – ${b}`;
}
