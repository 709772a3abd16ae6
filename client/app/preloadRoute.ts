/**
 * Starts downloading the code of the page the app was opened on, at startup. The router loads a
 * page's chunk only when it first renders the page, and a signed-in page renders only after
 * `/api/me` answers: without this the two requests run one after the other on every first load.
 * The same `import()` the route's `lazy()` makes, so the chunk is fetched once and reused.
 */
const PAGES: [RegExp, () => Promise<unknown>][] = [
  [/^\/login\/?$/, () => import('../features/auth/LoginPage.tsx')],
  [/^\/$/, () => import('../features/dashboard/DashboardPage.tsx')],
  [/^\/tickets\/?$/, () => import('../features/tickets/TicketsPage.tsx')],
  [/^\/tickets\/new\/?$/, () => import('../features/tickets/NewTicketPage.tsx')],
  [/^\/tickets\/[^/]+\/?$/, () => import('../features/tickets/TicketPage.tsx')],
];

/** Warms the chunk of the page at `pathname`, when it is one of the usual landing pages. */
export function preloadRoute(pathname: string): void {
  const page = PAGES.find(([pattern]) => pattern.test(pathname));
  // A failed download is retried, and reported, by the route's own lazy() when it renders.
  page?.[1]().catch(() => {});
}
