import type { DepartmentRef } from '../../../shared/src/index.js';

/** A department's name on its colour: prominent for the responsible, outlined for supporters. */
export function DeptChip({ dept, variant = 'solid' }: { dept: DepartmentRef; variant?: 'solid' | 'outline' }) {
  return (
    <span className={`dept-chip ${variant}`} style={variant === 'solid' ? { background: dept.color, borderColor: dept.color } : { borderColor: dept.color }}>
      {variant === 'outline' && <span className="dot" style={{ background: dept.color }} aria-hidden="true" />}
      {dept.name}
    </span>
  );
}
