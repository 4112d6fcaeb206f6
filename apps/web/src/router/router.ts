import { branchesOf, type RouteObject } from './match';

/** Where the browser is: the address's parts, what the page that sent it here left (`state`) and its entry's key. */
export interface Location {
  pathname: string;
  search: string;
  hash: string;
  state: unknown;
  /** The history entry's own key: back and forward return to its window position. */
  key: string;
}

/** How the address last changed: a link or call (`PUSH`, `REPLACE`) or the browser's back and forward (`POP`). */
export type Action = 'POP' | 'PUSH' | 'REPLACE';

export interface NavigateOptions {
  /** Replace the current history entry instead of adding one. */
  replace?: boolean;
  /** Left for the next page (`useLocation().state`), kept with its history entry. */
  state?: unknown;
  /** Keep the window where it is (a list's filters and sort), where a new page otherwise starts at the top. */
  preventScrollReset?: boolean;
}

/** Says whether leaving `currentLocation` for `nextLocation` should wait for the person's answer. */
export type BlockerFunction = (change: {
  currentLocation: Location;
  nextLocation: Location;
  historyAction: Action;
}) => boolean;

/** A navigation a blocker holds until the person proceeds or stays. */
export interface BlockedNavigation {
  blocker: string;
  proceed: () => void;
  reset: () => void;
}

export interface RouterState {
  location: Location;
  action: Action;
  preventScrollReset: boolean;
  blocked: BlockedNavigation | null;
}

/** What the router keeps in each history entry: the page's state, the entry's key and its place in the session. */
interface HistoryEntry {
  usr: unknown;
  key: string;
  idx: number;
}

const SCROLL_POSITIONS_KEY = 'app-scroll-positions';

const newKey = () => Math.random().toString(36).slice(2, 10);

function entryOf(state: unknown): HistoryEntry | null {
  const entry = state as Partial<HistoryEntry> | null;
  return entry && typeof entry.idx === 'number' && typeof entry.key === 'string' ? (entry as HistoryEntry) : null;
}

/**
 * The app's address and its history: links and calls add or replace entries, back and forward are followed, a
 * blocker (an unsaved form) can hold either until the person answers, and each entry's window position is kept for
 * coming back to it. React renders from `state` (RouterProvider); nothing else writes the address.
 */
export class Router {
  readonly branches: ReturnType<typeof branchesOf>;
  state: RouterState;
  /** Window positions by entry key, kept for the tab's session (sessionStorage) so a reload and back still return. */
  readonly scrollPositions: Record<string, number> = {};
  private index: number;
  private readonly listeners = new Set<(state: RouterState) => void>();
  private readonly blockers = new Map<string, BlockerFunction>();
  /** Set while the router undoes a back or forward a blocker held: the browser's answer to that is not a navigation. */
  private undoingPop = false;
  /** Set while the router redoes a held back or forward the person confirmed: no blocker asks again. */
  private redoingPop = false;

  constructor(routes: readonly RouteObject[]) {
    this.branches = branchesOf(routes);
    const entry = entryOf(window.history.state);
    // A reload keeps the entry's key (and so its window position); an address typed or opened anew gets its own,
    // not one shared with every other first entry of the tab's session.
    const location = this.browserLocation(entry?.key ?? newKey());
    this.index = entry?.idx ?? 0;
    if (!entry)
      window.history.replaceState({ usr: location.state, key: location.key, idx: 0 } satisfies HistoryEntry, '');
    this.state = { location, action: 'POP', preventScrollReset: false, blocked: null };
    window.addEventListener('popstate', this.followPop);
    try {
      Object.assign(this.scrollPositions, JSON.parse(sessionStorage.getItem(SCROLL_POSITIONS_KEY) ?? '{}'));
    } catch {
      // storage unavailable or unreadable: positions are kept for this page's life only
    }
    window.addEventListener('pagehide', () => {
      try {
        sessionStorage.setItem(SCROLL_POSITIONS_KEY, JSON.stringify(this.scrollPositions));
      } catch {
        // storage full or unavailable: a reload starts at the top
      }
    });
  }

  subscribe(listener: (state: RouterState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Goes to `to` (an address in the app, `/path?query#hash`), unless a blocker holds the change. */
  navigate = (to: string, options: NavigateOptions = {}): void => {
    const url = new URL(to, window.location.href);
    const action: Action = options.replace ? 'REPLACE' : 'PUSH';
    const location: Location = {
      pathname: url.pathname,
      search: url.search,
      hash: url.hash,
      state: options.state ?? null,
      key: newKey(),
    };
    const go = () => {
      const entry: HistoryEntry = {
        usr: location.state,
        key: location.key,
        idx: options.replace ? this.index : this.index + 1,
      };
      const href = url.pathname + url.search + url.hash;
      if (options.replace) window.history.replaceState(entry, '', href);
      else window.history.pushState(entry, '', href);
      this.index = entry.idx;
      this.commit(location, action, options.preventScrollReset ?? false);
    };
    if (!this.held(location, action, go)) go();
  };

  /** While `blocker` is set, each navigation asks it first (useBlocker). */
  setBlocker(key: string, blocker: BlockerFunction | null): void {
    if (blocker) {
      this.blockers.set(key, blocker);
      return;
    }
    this.blockers.delete(key);
    if (this.state.blocked?.blocker === key) this.update({ ...this.state, blocked: null });
  }

  private readonly followPop = (event: PopStateEvent): void => {
    if (this.undoingPop) {
      this.undoingPop = false;
      return;
    }
    const entry = entryOf(event.state);
    if (!entry) {
      // A plain link to a part of the page (`#main-content`): the browser added the entry itself.
      const location = this.browserLocation(newKey());
      this.index += 1;
      window.history.replaceState({ usr: null, key: location.key, idx: this.index } satisfies HistoryEntry, '');
      this.commit(location, 'POP', false);
      return;
    }
    const location = this.browserLocation(entry.key);
    const delta = this.index - entry.idx;
    const redo = () => {
      this.redoingPop = true;
      window.history.go(-delta);
    };
    if (!this.redoingPop && delta !== 0 && this.held(location, 'POP', redo)) {
      // The browser has already moved: go back to where the person was until they answer.
      this.undoingPop = true;
      window.history.go(delta);
      return;
    }
    this.redoingPop = false;
    this.index = entry.idx;
    this.commit(location, 'POP', false);
  };

  /** True when a blocker holds the change; `proceed` on the held navigation then does `go`. */
  private held(nextLocation: Location, historyAction: Action, go: () => void): boolean {
    const currentLocation = this.state.location;
    for (const [key, blocks] of this.blockers) {
      if (!blocks({ currentLocation, nextLocation, historyAction })) continue;
      const release = () => {
        if (this.state.blocked?.blocker === key) this.update({ ...this.state, blocked: null });
      };
      const proceed = () => {
        release();
        go();
      };
      this.update({ ...this.state, blocked: { blocker: key, proceed, reset: release } });
      return true;
    }
    return false;
  }

  private commit(location: Location, action: Action, preventScrollReset: boolean): void {
    this.scrollPositions[this.state.location.key] = window.scrollY;
    this.update({ location, action, preventScrollReset, blocked: null });
  }

  private update(state: RouterState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private browserLocation(key: string): Location {
    const { pathname, search, hash } = window.location;
    return { pathname, search, hash, state: entryOf(window.history.state)?.usr ?? null, key };
  }
}
