import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_TEXT_MAX, type NoteKind } from '../../../shared/src/index.js';
import { NOTE_H, NOTE_W } from '../board-base/layout.js';
import { worldToScreen, type Viewport } from '../board-base/useViewport.js';
import { NOTE_STYLE } from '../board-base/noteStyle.js';

/**
 * In-place text editing: an HTML textarea laid exactly over the note (or over
 * the free slot, for a new note). Ctrl/Cmd+Enter or leaving the field commits;
 * Escape cancels.
 */
export function NoteEditor({
  world, viewport, initialText, kind, onCommit, onCancel,
}: {
  world: { x: number; y: number };
  viewport: Viewport;
  initialText: string;
  kind: NoteKind;
  onCommit: (text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const done = useRef(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  // Grow with the text instead of scrolling it out of sight.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight}px`;
  }, [text, viewport.scale]);

  // Never smaller than readable on a phone: below 0.8 the editor is drawn at 0.8 and may cover neighbours.
  const scale = Math.max(viewport.scale, 0.8);
  const p = worldToScreen(viewport, world.x, world.y);
  const finish = (commit: boolean) => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text);
    else onCancel();
  };
  return (
    <div className="note-editor" style={{ left: p.x, top: p.y, width: NOTE_W * scale, minHeight: NOTE_H * scale,
      background: NOTE_STYLE[kind].fill, borderColor: NOTE_STYLE[kind].edge }}>
      <textarea
        ref={ref}
        data-testid="note-editor"
        value={text}
        maxLength={NOTE_TEXT_MAX}
        placeholder={t('note.placeholder')}
        style={{ fontSize: Math.max(16, 17 * scale), minHeight: (NOTE_H - 24) * scale }}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => finish(true)}
        onKeyDown={(e) => {
          e.stopPropagation();
          if (e.key === 'Escape') {
            e.preventDefault();
            finish(false);
          } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            finish(true);
          }
        }}
      />
      <div className="note-editor-bar">
        <span className="muted small">{t('note.editorHint')}</span>
        <button type="button" className="primary small" data-testid="note-editor-save"
          onMouseDown={(e) => e.preventDefault()} onClick={() => finish(true)}>
          {t('common.save')}
        </button>
      </div>
    </div>
  );
}
