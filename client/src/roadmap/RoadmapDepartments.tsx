import type { Roadmap, RoadmapLabels } from '../../../shared/src/index.js';

/** Per department, "what we own": the actions it leads, those it supports, its commitments. */
export function RoadmapDepartments({ roadmap, labels }: { roadmap: Roadmap; labels: RoadmapLabels }) {
  const owning = roadmap.byDepartment.filter((d) => d.responsible.length + d.supporting.length + d.commitments.length > 0);
  const idle = roadmap.byDepartment.filter((d) => !owning.includes(d));
  const stageName = new Map(roadmap.segments.flatMap((s) => s.stages.map((st) => [st.id, `${s.name} · ${st.number}. ${st.name}`])));
  return (
    <section className="rm-departments rm-page" data-testid="roadmap-departments">
      <h2>{labels.departmentPages}: {labels.whatWeOwn}</h2>
      <div className="rm-dept-grid">
        {owning.map((d) => (
          <article key={d.department.key} className="rm-dept" style={{ borderTopColor: d.department.color }}
            data-testid="roadmap-department" data-department={d.department.key}>
            <h3><span className="dot" style={{ background: d.department.color }} /> {d.department.name}</h3>
            {d.responsible.length > 0 && (
              <>
                <h4>{labels.weLead}</h4>
                <ul>{d.responsible.map((p) => <li key={p.item.id}>{p.item.text} <small>{p.segmentName} · {p.stageNumber}. {p.stageName}</small></li>)}</ul>
              </>
            )}
            {d.supporting.length > 0 && (
              <>
                <h4>{labels.weSupport}</h4>
                <ul>{d.supporting.map((p) => <li key={p.item.id}>{p.item.text} <small>{p.segmentName} · {p.stageNumber}. {p.stageName}</small></li>)}</ul>
              </>
            )}
            {d.commitments.length > 0 && (
              <>
                <h4>{labels.ourCommitments}</h4>
                <ul>{d.commitments.map((c) => <li key={c.stageId}>“{c.text}” <small>{stageName.get(c.stageId)}</small></li>)}</ul>
              </>
            )}
          </article>
        ))}
      </div>
      {idle.length > 0 && (
        <p className="rm-empty">{labels.nothingAssigned} {idle.map((d) => d.department.name).join(', ')}</p>
      )}
    </section>
  );
}
