import type { Roadmap, RoadmapLabels } from '../../../shared/src/index.js';

/**
 * Departments x stages: how many actions of each stage a department leads (R) or supports (S).
 * The table is wider than a laptop: its scroller is a named, focusable region so arrow keys scroll it.
 */
export function RoadmapMatrix({ roadmap, labels }: { roadmap: Roadmap; labels: RoadmapLabels }) {
  const { matrix, segments } = roadmap;
  if (matrix.rows.length === 0 || matrix.stages.length === 0) return null;
  return (
    <section className="rm-matrix rm-page" data-testid="roadmap-matrix" aria-labelledby="rm-matrix-title">
      <h2 id="rm-matrix-title">{labels.responsibilityMatrix}</h2>
      <p className="rm-desc">{labels.matrixIntro}</p>
      <div className="rm-matrix-scroll" tabIndex={0} role="region" aria-label={labels.responsibilityMatrix}
        data-testid="roadmap-matrix-scroll">
        <table>
          <thead>
            <tr>
              <td rowSpan={2} />
              {segments.map((s) => (
                <th key={s.id} colSpan={s.stages.length} className="rm-matrix-seg" style={{ borderBottomColor: s.color }}>{s.name}</th>
              ))}
            </tr>
            <tr>
              {matrix.stages.map((s) => <th key={s.id} className="rm-matrix-stage" title={s.name}>{s.number}. {s.name}</th>)}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.department.key}>
                <th scope="row"><span className="dot" style={{ background: row.department.color }} /> {row.department.name}</th>
                {row.cells.map((c) => (
                  <td key={c.stageId} className={c.responsible ? 'lead' : c.supporting ? 'support' : ''}
                    style={c.responsible ? { background: `${row.department.color}26` } : undefined}>
                    {c.responsible > 0 && <strong>R{c.responsible}</strong>}
                    {c.supporting > 0 && <span> S{c.supporting}</span>}
                  </td>
                ))}
              </tr>
            ))}
            <tr className="rm-unowned">
              <th scope="row">{labels.noOwner}</th>
              {matrix.stages.map((s) => <td key={s.id}>{matrix.unowned[s.id] ? `${matrix.unowned[s.id]}` : ''}</td>)}
            </tr>
          </tbody>
        </table>
      </div>
      <p className="rm-legend">{labels.matrixLegend}</p>
    </section>
  );
}
