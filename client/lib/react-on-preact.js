/**
 * What `react` resolves to in the build (vite.config.ts aliases it here): Preact's React
 * compatibility layer, plus the one React 19 hook it lacks that a library we use imports.
 * react-router imports `useOptimistic` by name at module level, but only calls it in the data
 * router's `<RouterProvider>`, which the app does not use (it uses `<BrowserRouter>`); the stand-in
 * keeps that import resolvable and behaves as React does outside a transition: no optimistic
 * state, the value passed in.
 *
 * Plain JavaScript: TypeScript cannot re-export (`export *`) a module typed with `export =`, and
 * nothing imports this file by name — the app is typechecked against @types/react.
 */
export * from 'preact/compat';
export { default } from 'preact/compat';

/**
 * @template S
 * @param {S} state
 * @returns {[S, (action: unknown) => void]}
 */
export function useOptimistic(state) {
  return [state, () => {}];
}
