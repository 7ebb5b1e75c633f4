import { useState } from 'react';

/**
 * A text field that writes once, when the user leaves it or presses Enter,
 * rather than one op per keystroke. Shows remote changes while not focused.
 */
export function CommitField({
  value, onCommit, label, maxLength, multiline, testId, placeholder,
}: {
  value: string;
  onCommit: (value: string) => void;
  label: string;
  maxLength: number;
  multiline?: boolean;
  testId?: string;
  placeholder?: string;
}) {
  const [draft, setDraft] = useState<string>();
  const commit = () => {
    if (draft !== undefined && draft !== value) onCommit(draft);
    setDraft(undefined);
  };
  const common = {
    value: draft ?? value,
    'aria-label': label,
    placeholder: placeholder ?? label,
    maxLength,
    'data-testid': testId,
    onFocus: () => setDraft(value),
    onBlur: commit,
  };
  if (multiline) {
    return <textarea {...common} rows={2} onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => e.key === 'Escape' && setDraft(undefined)} />;
  }
  return <input {...common} onChange={(e) => setDraft(e.target.value)}
    onKeyDown={(e) => {
      if (e.key === 'Enter') (e.target as HTMLInputElement).blur();
      if (e.key === 'Escape') setDraft(undefined);
    }} />;
}
