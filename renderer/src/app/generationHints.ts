/**
 * Words for the generation form that depend on the resolved provider chain: where an HD run
 * goes and what it costs, and which providers the override may pick. Pure, so tested alone.
 */
import type { ChainEntry } from '../stores/generationForm';

/** The hosted WokGen account's provider id (HD paid with credits). */
const HOSTED = 'hosted';

export const creditsLabel = (credits: number): string => `${credits} credit${credits === 1 ? '' : 's'}`;

/**
 * The HD switch's hint. With HD on, the chain says where it runs: the user's own HD-capable
 * key (no credits) or the hosted account (credits). With HD off the chain is the standard
 * one, so the hint states both possibilities.
 */
export function hdHint(credits: number, hd: boolean, chain: ReadonlyArray<ChainEntry> | null): string {
  const cost = `${creditsLabel(credits)} per image on a WokGen account`;
  if (!hd || chain === null) return `${cost}, or free on your own HD-capable key.`;
  const first = chain[0];
  if (first === undefined) return `Needs a WokGen account (${creditsLabel(credits)} per image) or an HD-capable key (fal.ai, Replicate).`;
  if (first.id === HOSTED) return `Needs a WokGen account: ${cost}.`;
  if (first.local) return `Runs on ${first.label}, on this machine: no credits.`;
  return `Runs on your own HD-capable key (${first.label}): no credits.`;
}

/**
 * The override's options: automatic first, then the providers that can do this job (the
 * automatic chain), plus the current pick if it is no longer among them (so the select shows
 * it and the core's answer explains why it cannot run).
 */
export function providerOptions(autoChain: ReadonlyArray<ChainEntry>, current: string): Array<{ value: string; label: string }> {
  const options = [
    { value: '', label: autoChain.length > 1 ? `Automatic (${autoChain.map((p) => p.label).join(' → ')})` : 'Automatic' },
    ...autoChain.map((p) => ({ value: p.id, label: p.label })),
  ];
  if (current !== '' && !options.some((o) => o.value === current)) options.push({ value: current, label: `${current} (not available now)` });
  return options;
}
