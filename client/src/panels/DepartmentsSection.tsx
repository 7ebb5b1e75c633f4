import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEPARTMENT_NAME_MAX, type Department } from '../../../shared/src/index.js';
import { TrashIcon } from '../ui/TrashIcon.js';
import { CommitField } from './CommitField.js';

export function DepartmentsSection({
  departments, onAdd, onRename, onColour, onRemove,
}: {
  departments: Department[];
  onAdd: (name: string) => void;
  onRename: (key: string, name: string) => void;
  onColour: (key: string, color: string) => void;
  onRemove: (key: string, name: string) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  return (
    <div className="panel-scroll">
      <ul className="department-list">
        {departments.map((d) => (
          <li key={d.key} className="row" data-testid="department-editor">
            <input type="color" value={d.color} aria-label={t('structure.colour')} onChange={(e) => onColour(d.key, e.target.value)} />
            <CommitField value={d.name} label={t('structure.departmentName')} maxLength={DEPARTMENT_NAME_MAX}
              onCommit={(value) => onRename(d.key, value)} />
            <button type="button" className="icon-button danger" aria-label={t('structure.remove')}
              onClick={() => onRemove(d.key, d.name)}><TrashIcon /></button>
          </li>
        ))}
      </ul>
      <form className="row" onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim()) return;
        onAdd(name);
        setName('');
      }}>
        <input value={name} maxLength={DEPARTMENT_NAME_MAX} placeholder={t('structure.newDepartment')}
          aria-label={t('structure.newDepartment')} onChange={(e) => setName(e.target.value)}
          data-testid="structure-department-name" />
        <button type="submit" className="primary" data-testid="structure-add-department">{t('structure.add')}</button>
      </form>
    </div>
  );
}
