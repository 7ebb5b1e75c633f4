import {
  formatRoadmapDate, formatRoadmapDates, openNotesShown, roadmapLabels, type OpenNotesChoice, type PlacedItem, type Roadmap,
  type RoadmapItem, type RoadmapLabels,
} from '../../../shared/src/index.js';

/**
 * Escapes user text for one line of CommonMark/GFM: every character that can
 * start markup (emphasis, links, images, HTML, code, tables, strikethrough,
 * entities) is backslash-escaped, line breaks become spaces (so nothing can
 * open a new block), block markers at the start are escaped, and bare URLs are
 * broken so they are not auto-linked.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()<>#+!|~&$=]/g, '\\$&')
    .replace(/^(\s*)([-+:])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2')
    .replace(/:\/\//g, '\\://')
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`);
}

function owners(item: RoadmapItem, t: RoadmapLabels): string {
  const parts = [`**${t.responsible}:** ${item.responsible ? escapeMarkdown(item.responsible.name) : `_${t.noOwner}_`}`];
  if (item.supporting.length > 0) parts.push(`**${t.supporting}:** ${item.supporting.map((d) => escapeMarkdown(d.name)).join(', ')}`);
  if (item.votes > 0) parts.push(t.voteCount(item.votes));
  if (item.mergedCount > 0) parts.push(`[${t.mergedCount(item.mergedCount)}](#merged)`);
  return parts.join(' · ');
}

function kindTag(item: RoadmapItem, t: RoadmapLabels): string {
  return item.kind === 'action' ? '' : ` _(${t.kinds[item.kind]})_`;
}

function where(p: PlacedItem): string {
  return `${p.segmentNumber}.${p.stageNumber} ${escapeMarkdown(p.stageName)}`;
}

/** Anchors we make ourselves (never from user text), so the contents links are stable. */
const anchor = (id: string): string => `<a id="${id}"></a>`;

/** A note's details after its text: kind, votes, authors (for the lists of notes still to decide). */
function details(item: RoadmapItem, t: RoadmapLabels): string {
  const parts = [item.votes > 0 ? t.voteCount(item.votes) : '', item.authors.map(escapeMarkdown).join(', ')].filter(Boolean);
  return `${kindTag(item, t)}${parts.length > 0 ? ` · ${parts.join(' · ')}` : ''}`;
}

/**
 * The booklet as Markdown: the same sections as the PDF. `open: 'omit'`
 * leaves the list of notes still to decide out; their count stays on the
 * cover and on each stage (openNotesShown).
 */
export function renderMarkdown(roadmap: Roadmap, options: { open?: OpenNotesChoice | undefined } = {}): string {
  const t = roadmapLabels(roadmap.language);
  const shown = openNotesShown(roadmap, options.open);
  const stillToDecide = shown.list ? `[${t.stillToDecide}](#still-to-decide)` : t.stillToDecide;
  const out: string[] = [];
  const line = (s = ''): void => {
    out.push(s);
  };

  // The facilitator's prose: each paragraph escaped on its own (escapeMarkdown keeps one line).
  const prose = (text: string): void => {
    for (const paragraph of text.split(/\n\s*\n/)) {
      if (!paragraph.trim()) continue;
      line(escapeMarkdown(paragraph.trim()));
      line();
    }
  };

  line(`# ${escapeMarkdown(roadmap.title)}`);
  line();
  if (roadmap.brand.companyName) {
    line(`_${escapeMarkdown(t.preparedFor(roadmap.brand.companyName))}_`);
    line();
  }
  line(`**${t.salesRoadmap}** · ${t.workshopDates}: ${formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, t)} · ${t.generatedOn} ${formatRoadmapDate(roadmap.generatedAt, t)}`);
  line();
  if (shown.count) {
    line(`**${t.actions}:** ${roadmap.counts.actions} · **${stillToDecide}:** ${roadmap.counts.open}`);
    line();
    if (!shown.list && roadmap.counts.open > 0) {
      line(`_${t.openOmitted(roadmap.counts.open)}_`);
      line();
    }
  }
  line(`_${t.includeNote[roadmap.include]}_`);
  line();
  line(`## ${t.participants}`);
  line();
  line(`| ${t.departmentPages} | ${t.participants} |`);
  line('| --- | ---: |');
  for (const h of roadmap.participants.byDepartment) {
    line(`| ${h.department ? escapeMarkdown(h.department.name) : t.noDepartment} | ${h.total} |`);
  }
  line(`| **${t.participantsTotal}** | **${roadmap.participants.total}** |`);
  line();

  const words = ([[t.foreword, roadmap.foreword, 'foreword'], [t.executiveSummary, roadmap.executiveSummary, 'executive-summary']] as const)
    .filter(([, text]) => text);
  line(`## ${t.contents}`);
  line();
  for (const [title, , id] of words) line(`- [${title}](#${id})`);
  for (const segment of roadmap.segments) line(`${segment.number}. [${escapeMarkdown(segment.name)}](#segment-${segment.number})`);
  const more = [
    ...(shown.list ? [[t.stillToDecide, 'still-to-decide'] as const] : []),
    [t.responsibilityMatrix, 'matrix'], [t.whatWeOwn, 'departments'], [t.commitments, 'commitments'], [t.appendix, 'appendix'],
  ] as const;
  more.forEach(([title, id], i) => line(`${roadmap.segments.length + i + 1}. [${title}](#${id})`));
  line();
  for (const [title, text, id] of words) {
    line(`## ${anchor(id)}${title}`);
    line();
    prose(text);
  }

  for (const segment of roadmap.segments) {
    line(`## ${anchor(`segment-${segment.number}`)}${t.segment} ${segment.number}: ${escapeMarkdown(segment.name)}`);
    line();
    if (segment.description) {
      line(escapeMarkdown(segment.description));
      line();
    }
    if (segment.summary) {
      line(`**${t.summary}**`);
      line();
      prose(segment.summary);
    }
    line(`### ${t.stageOverview}`);
    line();
    line(`| # | ${t.salesStage} | ${t.buyerStep} | ${t.actions} |${shown.count ? ` ${t.stillToDecide} |` : ''}`);
    line(`| ---: | --- | --- | ---: |${shown.count ? ' ---: |' : ''}`);
    for (const stage of segment.stages) {
      const open = shown.count ? ` ${stage.open.length} |` : '';
      line(`| ${stage.number} | ${escapeMarkdown(stage.name)} | ${escapeMarkdown(stage.buyerStep)} | ${stage.actions.length} |${open}`);
    }
    line();
    for (const stage of segment.stages) {
      line(`### ${segment.number}.${stage.number} ${escapeMarkdown(stage.name)}`);
      line();
      if (stage.buyerStep) {
        line(`_${t.buyerStep}: ${escapeMarkdown(stage.buyerStep)}_`);
        line();
      }
      if (stage.summary) prose(stage.summary);
      if (stage.actions.length === 0) line(`_${t.noActions}_`);
      for (const item of stage.actions) {
        line(`- ${escapeMarkdown(item.text)}${kindTag(item, t)}  `);
        line(`  ${owners(item, t)}`);
      }
      // A stage's open work is never hidden, even when the list is omitted.
      if (stage.open.length > 0) {
        line();
        line(`_${t.openCount(stage.open.length)}${shown.list ? `: ${t.see(stillToDecide)}` : ''}._`);
      }
      line();
    }
  }

  if (shown.list) {
    line(`## ${anchor('still-to-decide')}${t.stillToDecide}`);
    line();
    line(`_${roadmap.open.length === 0 ? t.nothingToDecide : t.stillToDecideIntro}_`);
    let stageId = '';
    for (const p of roadmap.open) {
      if (p.item.stageId !== stageId) {
        stageId = p.item.stageId;
        line();
        line(`### ${where(p)}`);
        line();
      }
      line(`- ${escapeMarkdown(p.item.text)}${details(p.item, t)}`);
    }
    line();
  }

  line(`## ${anchor('matrix')}${t.responsibilityMatrix}`);
  line();
  line(`${t.matrixIntro} ${t.matrixLegend}.`);
  line();
  for (const segment of roadmap.segments) {
    line(`### ${t.segment} ${segment.number}: ${escapeMarkdown(segment.name)}`);
    line();
    line(`| ${t.departmentPages} | ${segment.stages.map((s) => `${s.number}. ${escapeMarkdown(s.name)}`).join(' | ')} |`);
    line(`| --- | ${segment.stages.map(() => ':---:').join(' | ')} |`);
    for (const row of roadmap.matrix.rows) {
      const cells = segment.stages.map((stage) => {
        const cell = row.cells.find((c) => c.stageId === stage.id);
        const parts = [cell?.responsible ? `R ${cell.responsible}` : '', cell?.supporting ? `S ${cell.supporting}` : ''];
        return parts.filter(Boolean).join(' · ') || '·';
      });
      line(`| ${escapeMarkdown(row.department.name)} | ${cells.join(' | ')} |`);
    }
    line();
  }

  line(`## ${anchor('departments')}${t.whatWeOwn}`);
  line();
  for (const d of roadmap.byDepartment) {
    line(`### ${escapeMarkdown(d.department.name)}`);
    line();
    if (d.responsible.length + d.supporting.length + d.commitments.length === 0) {
      line(`_${t.nothingAssigned}_`);
      line();
      continue;
    }
    for (const [title, list] of [[t.weLead, d.responsible], [t.weSupport, d.supporting]] as const) {
      if (list.length === 0) continue;
      line(`**${title}**`);
      line();
      for (const p of list) line(`- ${where(p)}: ${escapeMarkdown(p.item.text)}`);
      line();
    }
    if (d.commitments.length > 0) {
      line(`**${t.ourCommitments}**`);
      line();
      for (const c of d.commitments) line(`- ${escapeMarkdown(c.text)}`);
      line();
    }
  }

  line(`## ${anchor('commitments')}${t.commitments}`);
  line();
  if (roadmap.commitments.length === 0) line(`_${t.noCommitments}_`);
  for (const segment of roadmap.segments) {
    for (const stage of segment.stages) {
      if (stage.commitments.length === 0) continue;
      line(`### ${segment.number}.${stage.number} ${escapeMarkdown(stage.name)}`);
      line();
      for (const c of stage.commitments) {
        line(`- **${escapeMarkdown(c.department.name)}:** ${escapeMarkdown(c.text)}${c.byName ? ` (${escapeMarkdown(c.byName)})` : ''}`);
      }
      line();
    }
  }
  line();

  line(`## ${anchor('appendix')}${t.appendix}`);
  line();
  const placedList = (title: string, empty: string, list: PlacedItem[]): void => {
    line(`### ${title}`);
    line();
    if (list.length === 0) line(`_${empty}_`);
    for (const p of list) line(`- ${where(p)}: ${escapeMarkdown(p.item.text)}${kindTag(p.item, t)}`);
    line();
  };
  placedList(t.parkedIdeas, t.noParked, roadmap.parked);
  placedList(t.openQuestions, t.noQuestions, roadmap.questions);
  const openIds = new Set(roadmap.open.map((p) => p.item.id));
  const merged = roadmap.merged.filter((p) => shown.list || !openIds.has(p.item.id));
  line(`### ${anchor('merged')}${t.mergedNotes}`);
  line();
  if (merged.length === 0) line(`_${t.noMerged}_`);
  else {
    line(`_${t.mergedIntro}_`);
    line();
  }
  for (const p of merged) {
    line(`- ${where(p)}: **${escapeMarkdown(p.item.text)}**${kindTag(p.item, t)}`);
    for (const m of p.item.merged) {
      line(`  - ${escapeMarkdown(m.text)}${m.kind === 'action' ? '' : ` _(${t.kinds[m.kind]})_`}${m.authorName ? ` — ${escapeMarkdown(m.authorName)}` : ''}`);
    }
  }
  line();
  line(`### ${t.voteCounts}`);
  line();
  if (roadmap.votes.length === 0) line(`_${t.noVotes}_`);
  else {
    line(`| ${t.votes} | ${t.text} | ${t.stage} | ${t.status} |`);
    line('| ---: | --- | --- | --- |');
    for (const p of roadmap.votes) line(`| ${p.item.votes} | ${escapeMarkdown(p.item.text)} | ${where(p)} | ${t.statuses[p.item.status]} |`);
  }
  line();
  const feedback = roadmap.segments.flatMap((s) => s.stages.filter((st) => st.feedback.total > 0).map((st) => ({ s, st })));
  line(`### ${t.feedback}`);
  line();
  if (feedback.length === 0) line(`_${t.noFeedback}_`);
  for (const { s, st } of feedback) {
    const counts = (['worked', 'partly', 'blocked'] as const).map((o) => `${t.outcomes[o]} ${st.feedback.counts[o]}`).join(' · ');
    line(`- **${s.number}.${st.number} ${escapeMarkdown(st.name)}:** ${counts}`);
    for (const f of st.feedback.latest) {
      const text = [f.blocker, f.comment].filter(Boolean).map(escapeMarkdown).join(': ');
      line(`  - ${t.outcomes[f.outcome]}${text ? `: ${text}` : ''}${f.repName ? ` (${escapeMarkdown(f.repName)})` : ''}`);
    }
  }
  line();
  if (roadmap.warnings.length > 0) {
    line(`### ${t.toSettle}`);
    line();
    for (const w of roadmap.warnings) {
      const what = w.type === 'no-owner' ? t.warningNoOwner : w.reason === 'tie' ? t.warningTie : t.warningDiffers;
      line(`- ${where(w.item)}: ${escapeMarkdown(w.item.item.text)} (${what})`);
    }
    line();
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
