/** Small line icons drawn as SVG, so they render the same on every device (no emoji font needed). */
function Icon({ d }: { d: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.2"
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}

export const LockIcon = () => <Icon d="M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4" />;
export const ClockIcon = () => <Icon d="M12 7v5l3 2M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18" />;
export const PinIcon = () => <Icon d="M12 21s-6-5.5-6-11a6 6 0 0 1 12 0c0 5.5-6 11-6 11zM12 8v4" />;
