import { forwardRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from '../../../shared/src/index.js';
import { foldText } from './foldText.js';

/** The department whose name starts with (else contains) what was typed, accents and case ignored. */
export function matchDepartment(departments: readonly Department[], typed: string): Department | undefined {
  const q = foldText(typed.trim());
  if (!q) return undefined;
  return departments.find((d) => foldText(d.name).startsWith(q)) ?? departments.find((d) => foldText(d.name).includes(q));
}

/**
 * "Responsible: type a name" (a native combobox: input + datalist). Enter
 * confirms the first matching department; digits 1-9 on the table do the same
 * by position (the numbers shown in the list).
 */
export const DepartmentCombo = forwardRef<HTMLInputElement, {
  departments: readonly Department[];
  disabled: boolean;
  onPick: (key: string) => void;
}>(function DepartmentCombo({ departments, disabled, onPick }, ref) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const match = matchDepartment(departments, value);
  return (
    <label className="tb-filter tb-combo">
      <span className="sr-only">{t('table.bulk.responsible')}</span>
      <input ref={ref} list="tb-departments" value={value} disabled={disabled} placeholder={t('table.bulk.responsible')}
        aria-describedby="tb-combo-hint" data-testid="table-responsible-input" data-match={match?.key ?? ''}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && match) {
            e.preventDefault();
            onPick(match.key);
            setValue('');
            (e.target as HTMLInputElement).blur();
          } else if (e.key === 'Escape') {
            setValue('');
            (e.target as HTMLInputElement).blur();
          }
        }} />
      <datalist id="tb-departments">
        {departments.map((d, i) => <option key={d.key} value={d.name}>{i < 9 ? `${i + 1}` : ''}</option>)}
      </datalist>
      <span id="tb-combo-hint" className="sr-only">{t('table.bulk.responsibleHint')}</span>
    </label>
  );
});
