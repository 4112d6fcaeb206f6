import { createContext, useContext, type ReactNode } from 'react';
import { matchPath } from './router';
import type { Role } from './api/auth';
import type en from './i18n/en.json';

/** A key of `sections` in en.json: its `title` labels the link, its `description` explains it on home pages. */
export type SectionId = keyof (typeof en)['sections'];

/** One signed-in page of the app: its address, who may open it, where it sits in the navbar, what it renders. */
export interface AppSection {
  path: string;
  section: SectionId;
  roles: readonly Role[];
  /** `main`: a navbar link; `administration`: under the Administration group; `none`: reachable only by links. */
  nav: 'main' | 'administration' | 'none';
  element: ReactNode;
}

const SectionsContext = createContext<readonly AppSection[]>([]);

export function SectionsProvider({ sections, children }: { sections: readonly AppSection[]; children: ReactNode }) {
  return <SectionsContext.Provider value={sections}>{children}</SectionsContext.Provider>;
}

/** The sections a role may open, in table order. */
export function useSectionsFor(role: Role): AppSection[] {
  return useContext(SectionsContext).filter((section) => section.roles.includes(role));
}

export function useAllSections(): readonly AppSection[] {
  return useContext(SectionsContext);
}

/** True when `pathname` is a page of the table that `role` may open. */
export function canOpen(sections: readonly AppSection[], role: Role, pathname: string): boolean {
  return sections.some((section) => section.roles.includes(role) && matchPath(section.path, pathname) !== null);
}

/** The navbar entry to highlight: the longest section path that is a prefix of the current address. */
export function activeSectionPath(sections: readonly AppSection[], pathname: string): string | undefined {
  return sections
    .filter((section) => section.nav !== 'none')
    .map((section) => section.path)
    .filter((path) => pathname === path || pathname.startsWith(`${path}/`))
    .sort((a, b) => b.length - a.length)[0];
}
