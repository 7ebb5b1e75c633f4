import { useTranslation } from 'react-i18next';
import { BOOKLET_TEXT_MAX, type BookletKey, type Roadmap, type RoadmapLabels } from '../../../shared/src/index.js';
import { BookletText } from './BookletText.js';
import { useBookletSave } from './useBookletSave.js';

const PROMPTS: Record<BookletKey, string> = { foreword: 'addForeword', executiveSummary: 'addExecutiveSummary' };

/**
 * The foreword and the executive summary, after the cover as in the booklet.
 * Nothing shows to a reader while both are empty; facilitators see where to write them.
 */
export function RoadmapIntro({ roadmap, labels, facilitator }: { roadmap: Roadmap; labels: RoadmapLabels; facilitator: boolean }) {
  const { t } = useTranslation();
  const save = useBookletSave();
  if (!facilitator && !roadmap.foreword && !roadmap.executiveSummary) return null;
  return (
    <section className={`rm-intro${roadmap.foreword || roadmap.executiveSummary ? "" : " no-print"}`} data-testid="roadmap-intro" aria-label={`${labels.foreword} · ${labels.executiveSummary}`}>
      {(['foreword', 'executiveSummary'] as const).map((key) => (
        <BookletText key={key} testId={`booklet-${key}`} heading={<h2>{labels[key]}</h2>} label={labels[key]}
          text={roadmap[key]} max={BOOKLET_TEXT_MAX} addPrompt={t(`roadmap.booklet.${PROMPTS[key]}`)} editable={facilitator}
          onSave={(text) => save({ key }, text)} />
      ))}
    </section>
  );
}
