/** The canned-response picker's search: titles containing every word typed, in any order, ignoring case. */
export function matchesTitle(title: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const haystack = title.toLowerCase();
  return words.every((word) => haystack.includes(word));
}
