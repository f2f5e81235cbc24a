/**
 * The last known account figures, kept on disk (not secret: name, plan, balances, when they
 * were synced) so the panel can show them — marked stale — when the app starts offline. A
 * missing or damaged file is simply "nothing known yet".
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { AccountSchema, type Account } from '../../../shared/hosted-api';
import { writeFileAtomicSync } from '../fs/atomic-write';

export const ACCOUNT_SNAPSHOT_FILE = 'account.json';

const SnapshotSchema = z.object({ account: AccountSchema, lastSyncedAt: z.number() });
export type AccountSnapshot = z.infer<typeof SnapshotSchema>;

export class AccountSnapshotFile {
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = join(dataDir, ACCOUNT_SNAPSHOT_FILE);
  }

  read(): AccountSnapshot | null {
    try {
      const parsed = SnapshotSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  write(account: Account, lastSyncedAt: number): void {
    writeFileAtomicSync(this.file, `${JSON.stringify({ account, lastSyncedAt }, null, 2)}\n`, { mode: 0o600 });
  }

  clear(): void {
    rmSync(this.file, { force: true });
  }
}
