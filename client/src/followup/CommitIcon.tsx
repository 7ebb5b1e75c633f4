/** A small flag: "a department planted its commitment here" (emoji fonts are missing on many projectors' PCs). */
export function CommitIcon({ size = '1em' }: { size?: string | number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" focusable="false" className="commit-icon">
      <path d="M5 21V4" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" fill="none" />
      <path d="M5 4h12.5l-2.5 4 2.5 4H5z" fill="#7c3aed" stroke="#7c3aed" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}
