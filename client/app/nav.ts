/**
 * How each entry of `me.navigation` is shown. The server decides *which* entries a user gets; this
 * table only gives them words, icons and paths. Entries it does not know yet still appear.
 */
import type { IconName } from '../components/Icon.tsx';
import { humanize } from '../lib/format.ts';

export interface NavItem {
  id: string;
  label: string;
  /** A shorter word for the phone tab bar, where each tab is about 75 px wide. */
  shortLabel?: string;
  icon: IconName;
  path: string;
}

const KNOWN: Record<string, Omit<NavItem, 'id'>> = {
  dashboard: { label: 'Dashboard', shortLabel: 'Home', icon: 'home', path: '/' },
  tickets: { label: 'Tickets', icon: 'ticket', path: '/tickets' },
  invoices: { label: 'Invoices', icon: 'receipt', path: '/invoices' },
  contracts: { label: 'Contracts', icon: 'file', path: '/contracts' },
  kb: { label: 'Knowledge base', shortLabel: 'Help', icon: 'book', path: '/kb' },
  chat: { label: 'Chat', icon: 'chat', path: '/chat' },
  messages: { label: 'Messages', icon: 'message', path: '/messages' },
  files: { label: 'Files', icon: 'folder', path: '/files' },
  organizations: { label: 'Organisations', shortLabel: 'Orgs', icon: 'building', path: '/organizations' },
  users: { label: 'People', icon: 'users', path: '/users' },
  branding: { label: 'Branding', icon: 'palette', path: '/branding' },
  outbox: { label: 'Outbox', icon: 'inbox', path: '/outbox' },
  audit: { label: 'Audit log', icon: 'history', path: '/audit' },
  desk: { label: 'Desk settings', shortLabel: 'Desk', icon: 'grid', path: '/desk' },
  profile: { label: 'Profile', icon: 'user', path: '/profile' },
  security: { label: 'Security', icon: 'shield', path: '/security' },
};

/** Entries about the signed-in person rather than the work; on phones they live in "More". */
const PERSONAL = new Set(['profile', 'security']);

export function navItem(id: string): NavItem {
  const known = KNOWN[id];
  if (known) return { id, ...known };
  return { id, label: humanize(id), icon: 'grid', path: `/${encodeURIComponent(id)}` };
}

export function navItems(navigation: readonly string[]): NavItem[] {
  return [...new Set(navigation)].map(navItem);
}

/** Phones show at most four main entries in the tab bar; everything else goes under "More". */
export function splitForTabBar(navigation: readonly string[]): { tabs: NavItem[]; more: NavItem[] } {
  const items = navItems(navigation);
  const work = items.filter((item) => !PERSONAL.has(item.id));
  const personal = items.filter((item) => PERSONAL.has(item.id));
  return { tabs: work.slice(0, 4), more: [...work.slice(4), ...personal] };
}

/** The section names that are built as pages; the rest of the work sections show a placeholder. */
export const PLACEHOLDER_SECTIONS = ['invoices', 'contracts', 'kb', 'chat', 'messages', 'files'];
