/** Waits (event-loop turns, not a timed assertion) until `condition` holds; fails after `maxTurns`. */
export async function waitUntil(condition: () => boolean, what: string, maxTurns = 5_000): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  throw new Error(`Gave up waiting until ${what}.`);
}
