import { ButtonLink } from '../components/Button.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { navItem } from './nav.ts';

export function NotFoundPage() {
  return (
    <>
      <PageHeader title="Page not found" />
      <div className="card">
        <EmptyState
          icon="search"
          title="There’s nothing at this address"
          action={
            <ButtonLink to="/" variant="primary">
              Go to the dashboard
            </ButtonLink>
          }
        >
          The link may be mistyped, or the page may have moved. If you followed a link inside the portal, let
          your administrator know.
        </EmptyState>
      </div>
    </>
  );
}

/** Work sections (tickets, invoices, …) whose pages are still being built. */
export function SectionPlaceholderPage({ section }: { section: string }) {
  const item = navItem(section);
  return (
    <>
      <PageHeader title={item.label} />
      <div className="card">
        <EmptyState icon={item.icon} title="Coming soon">
          {item.label} isn’t available in the portal yet. Everything else — your organisation, people and
          settings — is ready to use.
        </EmptyState>
      </div>
    </>
  );
}
