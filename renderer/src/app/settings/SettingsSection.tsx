import { useId, type ReactNode } from 'react';

export function SettingsSection({
  title,
  description,
  card = true,
  anchor,
  children,
}: {
  title: string;
  /** Element id other screens link to (`/settings#<anchor>`). */
  anchor?: string;
  description?: string;
  /** False when the children draw their own card (a list). */
  card?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section id={anchor} className="settings-section" aria-labelledby={id}>
      <div className="settings-section-header">
        <h2 id={id} className="section-title">
          {title}
        </h2>
        {description !== undefined && <p className="section-description">{description}</p>}
      </div>
      {card ? <div className="settings-card">{children}</div> : children}
    </section>
  );
}

/** One setting: what it is on the left, its control on the right. */
export function SettingRow({
  label,
  description,
  children,
  labelFor,
}: {
  label: string;
  description?: ReactNode;
  children: ReactNode;
  /** Id of the control, when it is a single labelable element. */
  labelFor?: string;
}) {
  return (
    <div className="setting-row">
      <div className="setting-text">
        {labelFor === undefined ? (
          <p className="setting-label">{label}</p>
        ) : (
          <label className="setting-label" htmlFor={labelFor}>
            {label}
          </label>
        )}
        {description !== undefined && <div className="setting-description">{description}</div>}
      </div>
      <div className="setting-control">{children}</div>
    </div>
  );
}
