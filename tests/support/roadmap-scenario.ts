import type * as Y from 'yjs';
import {
  addFeedback, addNote, castVote, configureVoting, confirmOwners, mergeNotes, proposeOwner, readBoard, setBookletText,
  setBrand, setCommitment, setLogo, setNoteStatus, setVotingOpen, systemOrigin, type Author, type Origin,
} from '../../shared/src/index.js';
import { seedSampleNotes } from './seed-demo.js';
import { testLogoPng } from './test-logo.js';

/** Texts a user could type to attack an export (CSV formulas, Markdown structure, HTML). */
export const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example","click me")',
  plus: '+1 call back the buyer',
  minus: '-2 days on lead time',
  at: '@SUM(A1:A9)',
  markdown: '# Owned | by [everyone](http://evil.example) <img src=x onerror=alert(1)> *now*',
} as const;

export interface RoadmapScenario {
  /** The scenario's sample notes, in its order (index 7 is the question). */
  samples: string[];
  /** A duplicate of samples[0], merged into it. */
  duplicate: string;
  /** Accepted, no responsible, proposals tie (fae vs engineering). */
  tie: string;
  /** Accepted, responsible sales, but two people propose marketing. */
  differs: string;
  /** Accepted, no responsible, nobody proposed anything. */
  unowned: string;
  /** Parked. */
  parked: string;
  /** Left open: not in an `accepted` roadmap. */
  open: string;
  hostile: Record<keyof typeof HOSTILE, string>;
  /** The facilitator's texts for the deliverables, as written. */
  texts: { foreword: string; executiveSummary: string; segments: string[]; stage: { id: string; text: string } };
  company: string;
}

/**
 * The example workshop after a session: the scenario's sample notes plus
 * facilitator decisions (accept, park, confirm owners, merge), proposals,
 * votes, a commitment and a feedback report. Written as the facilitator
 * `facilitator`; `voters` are member ids that vote and propose (at least 3).
 */
export function runRoadmapScenario(
  doc: Y.Doc, language: 'en' | 'it', facilitator: Author, origin: Origin, voters: string[], now = Date.UTC(2025, 2, 12, 9),
): RoadmapScenario {
  const [v1, v2, v3] = voters as [string, string, string];
  const samples = seedSampleNotes(doc, language);
  const board = readBoard(doc);
  const oem = board.segments[0]!;
  const channel = board.segments[1]!;
  const direct = board.segments[2]!;
  const add = (stageId: string, text: string, kind: 'action' | 'best practice' | 'question' = 'action', owners: string[] = []) =>
    addNote(doc, { stageId, text, kind, owners }, facilitator, origin, now);
  const it = language === 'it';

  const duplicate = add(oem.stages[1]!.id, it ? 'Un FAE alla revisione della specifica' : 'An FAE at the spec review', 'action', ['fae']);
  const tie = add(oem.stages[0]!.id, it ? 'Mappare i progetti dei clienti per l\'anno' : 'Map the customers\' projects for the year');
  const differs = add(channel.stages[0]!.id, it ? 'Campagna di lancio con i distributori' : 'Launch campaign with distributors', 'action', ['sales']);
  const unowned = add(channel.stages[2]!.id, it ? 'Rivedere le scorte di sicurezza ogni trimestre' : 'Review safety stock every quarter');
  const parked = add(channel.stages[1]!.id, it ? 'Un portale partner tutto nuovo' : 'A brand-new partner portal', 'action', ['marketing']);
  const open = add(direct.stages[0]!.id, it ? 'Idea ancora da discutere' : 'Idea still to discuss');
  const hostile = Object.fromEntries(
    Object.entries(HOSTILE).map(([key, text]) => [key, add(direct.stages[0]!.id, text, 'action', ['sales'])]),
  ) as Record<keyof typeof HOSTILE, string>;

  mergeNotes(doc, samples[0]!, [duplicate], origin, now);

  const accepted = [...samples.slice(0, 7), tie, differs, unowned, ...Object.values(hostile)];
  for (const id of accepted) setNoteStatus(doc, id, 'accepted', origin, now);
  setNoteStatus(doc, parked, 'parked', origin, now);

  const owners: [string, string, string[]][] = [
    [samples[0]!, 'fae', ['engineering', 'sales']],
    [samples[1]!, 'shipping', ['sales']],
    [samples[2]!, 'quality', []],
    [samples[3]!, 'marketing', ['sales']],
    [samples[4]!, 'support', []],
    [samples[5]!, 'sales', []],
    [samples[6]!, 'finance', ['service']],
    [differs, 'sales', []],
    ...Object.values(hostile).map((id): [string, string, string[]] => [id, 'sales', []]),
  ];
  for (const [id, responsible, supporting] of owners) confirmOwners(doc, id, { responsible, supporting }, origin, now);

  proposeOwner(doc, tie, v1, 'fae', origin);
  proposeOwner(doc, tie, v2, 'engineering', origin);
  proposeOwner(doc, differs, v1, 'marketing', origin);
  proposeOwner(doc, differs, v2, 'marketing', origin);

  configureVoting(doc, { votesPerPerson: 10, capPerNote: null, hideResults: false }, origin);
  setVotingOpen(doc, true, origin);
  for (const voter of [v1, v2, v3]) castVote(doc, samples[1]!, voter, origin);
  castVote(doc, samples[0]!, v1, origin);
  castVote(doc, parked, v2, origin);
  setVotingOpen(doc, false, origin);

  setCommitment(
    doc, oem.stages[2]!.id, 'shipping',
    it ? 'Spediamo i campioni entro 48 ore da ogni richiesta qualificata' : 'We ship samples within 48 hours of every qualified request',
    'Paola Ferri', origin, now,
  );
  addFeedback(doc, {
    stageId: oem.stages[2]!.id, outcome: 'blocked', blocker: it ? 'Campioni fermi in dogana' : 'Samples stuck in customs',
    department: 'shipping', comment: it ? 'Tre settimane di attesa' : 'Three weeks of waiting', repName: 'Luca Neri',
  }, origin, now);
  // The words of the deliverables and the client's brand (the logo as the server writes it).
  const texts = {
    foreword: it
      ? 'Questa roadmap raccoglie due giorni di lavoro: qualità, velocità e un\'unica voce verso il cliente.\n\n' + HOSTILE.formula
      : 'This roadmap gathers two days of work: quality, speed and one voice towards the customer.\n\n' + HOSTILE.formula,
    executiveSummary: it
      ? 'Tre segmenti, quindici fasi: la priorità è la risposta tecnica entro 48 ore. ' + HOSTILE.markdown
      : 'Three segments, fifteen stages: the priority is a technical answer within 48 hours. ' + HOSTILE.markdown,
    segments: [oem, channel, direct].map((s, i) => (it ? `Sintesi del segmento ${i + 1}: più presenza in progettazione.` : `Segment ${i + 1} summary: more presence at design time.`)),
    stage: { id: oem.stages[0]!.id, text: it ? 'Qui si vince o si perde il progetto.' : 'This is where the project is won or lost.' },
  };
  setBookletText(doc, { key: 'foreword' }, texts.foreword, origin);
  setBookletText(doc, { key: 'executiveSummary' }, texts.executiveSummary, origin);
  [oem, channel, direct].forEach((s, i) => setBookletText(doc, { segmentId: s.id }, texts.segments[i]!, origin));
  setBookletText(doc, { stageId: texts.stage.id }, texts.stage.text, origin);
  const company = it ? 'Componenti Rossi S.p.A. – Qualità' : 'Rossi Components Ltd & Co.';
  setBrand(doc, { companyName: company, accentColor: '#0F766E' }, origin);
  setLogo(doc, { bytes: testLogoPng(), type: 'png', width: 240, height: 80 }, systemOrigin('brand'));
  return { samples, duplicate, tie, differs, unowned, parked, open, hostile, texts, company };
}
