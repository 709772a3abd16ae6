/** The frame every ticket widget shares: a card with a title, a "View all" link and its body. */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Card } from '../../components/Card.tsx';

interface WidgetCardProps {
  id: string;
  title: ReactNode;
  description?: ReactNode;
  /** Where "View all" goes: the ticket list filtered as the widget counts. */
  link?: { to: string; label?: string; name: string };
  children: ReactNode;
  className?: string;
}

export function WidgetCard({ id, title, description, link, children, className }: WidgetCardProps) {
  return (
    <Card
      id={id}
      title={title}
      description={description}
      className={['widget', className ?? ''].filter(Boolean).join(' ')}
      flush
      actions={
        link ? (
          <Link to={link.to} className="card-link" aria-label={`${link.label ?? 'View all'}: ${link.name}`}>
            {link.label ?? 'View all'}
          </Link>
        ) : null
      }
    >
      {children}
    </Card>
  );
}
