import type { Asset } from '../../../shared/library';

/**
 * What "Latest result" shows: the newest asset the mode can show (`viewable`), with the other
 * viewable assets of its job (the batch's variants), in slot order. Items are newest first.
 */
export function latestGroup(items: ReadonlyArray<Asset>, viewable: (asset: Asset) => boolean): ReadonlyArray<Asset> {
  const latest = items.find(viewable);
  if (latest === undefined) return [];
  if (latest.jobId === null) return [latest];
  return items.filter((a) => a.jobId === latest.jobId && viewable(a)).sort((a, b) => a.slot - b.slot);
}
