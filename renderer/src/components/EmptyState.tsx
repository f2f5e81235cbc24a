import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/** What an empty area says: what it is for and what to do next. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  headingLevel = 2,
}: {
  icon: IconName;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="empty-state">
      <div className="empty-state-icon">
        <Icon name={icon} size={22} />
      </div>
      <Heading className="empty-state-title">{title}</Heading>
      <div className="empty-state-body">{children}</div>
      {actions !== undefined && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
