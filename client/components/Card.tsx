import type { ReactNode } from 'react';

interface CardProps {
  title?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
  /** Removes the body padding, for lists and tables that run edge to edge. */
  flush?: boolean;
  className?: string;
  headingLevel?: 2 | 3;
  id?: string;
}

export function Card({
  title,
  description,
  actions,
  children,
  flush,
  className,
  headingLevel = 2,
  id,
}: CardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section
      className={['card', className ?? ''].filter(Boolean).join(' ')}
      aria-labelledby={headingId}
      id={id}
    >
      {title || actions ? (
        <header className="card-header">
          <div className="card-heading">
            {title ? (
              <Heading className="card-title" id={headingId}>
                {title}
              </Heading>
            ) : null}
            {description ? <p className="card-description">{description}</p> : null}
          </div>
          {actions ? <div className="card-actions">{actions}</div> : null}
        </header>
      ) : null}
      <div className={flush ? 'card-body-flush' : 'card-body'}>{children}</div>
    </section>
  );
}
