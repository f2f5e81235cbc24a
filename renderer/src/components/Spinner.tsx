/** A small spinner. With a label it is a polite live status; without one it is decoration. */
export function Spinner({ label, size = 'sm' }: { label?: string; size?: 'sm' | 'md' }) {
  const ring = <span className={`spinner spinner-${size}`} aria-hidden="true" />;
  if (label === undefined) return ring;
  return (
    <span className="spinner-status" role="status">
      {ring}
      <span className="spinner-label">{label}</span>
    </span>
  );
}
