/**
 * The address's query as it is now. The router renders a navigation in a transition, so the search params a
 * render saw (and `setSearchParams`' updater gets) can lag behind the address: two filters chosen in quick
 * succession would otherwise lose the first. Build the next query from this instead.
 */
export function currentSearchParams(): URLSearchParams {
  return new URLSearchParams(window.location.search);
}
