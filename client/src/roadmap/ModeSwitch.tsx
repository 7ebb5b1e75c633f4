import { useTranslation } from 'react-i18next';

export type BoardMode = 'board' | 'roadmap' | 'adoption';
const MODES: { mode: BoardMode; icon: string }[] = [
  { mode: 'board', icon: '▦' },
  { mode: 'roadmap', icon: '☷' },
  { mode: 'adoption', icon: '◔' },
];

/** Board, Roadmap, Adoption: three views of the same live board. */
export function ModeSwitch({ mode, onChange }: { mode: BoardMode; onChange: (mode: BoardMode) => void }) {
  const { t } = useTranslation();
  return (
    <div className="mode-switch" role="tablist" aria-label={t('roadmap.views')}>
      {MODES.map((m) => (
        <button key={m.mode} type="button" role="tab" aria-selected={mode === m.mode} className={`tool${mode === m.mode ? ' active' : ''}`}
          onClick={() => onChange(m.mode)} data-testid={`mode-${m.mode}`} data-mode={m.mode} title={t(`roadmap.mode.${m.mode}`)}>
          <span aria-hidden="true">{m.icon}</span><span className="tool-label">{t(`roadmap.mode.${m.mode}`)}</span>
        </button>
      ))}
    </div>
  );
}
