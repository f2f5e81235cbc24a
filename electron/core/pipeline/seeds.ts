/**
 * Seeds (pipeline stage 3): one random base seed per job unless the user locked one, and
 * seed + i × 137 per batch slot (the seed's offset), wrapped into the provider's range.
 */
import { randomInt } from 'node:crypto';
import { SEED_MAX } from '../../../shared/mode-spec';

export const SLOT_SEED_STEP = 137;

export function randomSeed(): number {
  // randomInt's upper bound is exclusive and at most 2^48; SEED_MAX + 1 = 2^32.
  return randomInt(0, SEED_MAX + 1);
}

export function slotSeed(base: number, slot: number, seedMax: number = SEED_MAX): number {
  return (base + slot * SLOT_SEED_STEP) % (seedMax + 1);
}
