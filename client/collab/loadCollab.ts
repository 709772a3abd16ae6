/**
 * The collaboration transport (document.ts: Yjs and the Hocuspocus provider, about 35 KB
 * compressed) loads on demand, once the page has finished loading and the browser is idle: a
 * page's first render and its REST data come first, live documents connect a moment later, and
 * parsing the libraries never blocks the first paint or input. Loaded once per tab; afterwards
 * (in-app navigation) it is there at once.
 */
type CollabModule = typeof import('./document.ts');

let loading: Promise<CollabModule> | null = null;

/** Resolves after the window's `load` event and then the browser's next idle period. */
export function whenPageIdle(): Promise<void> {
  return new Promise((resolve) => {
    // The timeout bounds the wait on a page that is never idle (a busy device still connects).
    const idle = () =>
      typeof requestIdleCallback === 'function'
        ? requestIdleCallback(() => resolve(), { timeout: 2000 })
        : setTimeout(resolve, 0);
    if (document.readyState === 'complete') idle();
    else window.addEventListener('load', idle, { once: true });
  });
}

/** The collaboration module, loaded after the page has gone idle; a failed load is retried next call. */
export function loadCollab(): Promise<CollabModule> {
  if (!loading) {
    const attempt = whenPageIdle().then(() => import('./document.ts'));
    loading = attempt;
    attempt.catch(() => {
      if (loading === attempt) loading = null;
    });
  }
  return loading;
}
