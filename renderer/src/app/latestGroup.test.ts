import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../shared/library';
import { latestGroup } from './latestGroup';

const asset = (id: string, jobId: string | null, slot: number, kind: Asset['kind'] = 'code'): Asset => ({
  id,
  jobId,
  workspaceId: 'w',
  slot,
  kind,
  relativePath: `assets/${id}.html`,
  mime: 'text/html',
  width: null,
  height: null,
  bytes: 1,
  metadata: {},
  starred: false,
  createdAt: 1,
});
const code = (a: Asset): boolean => a.kind === 'code';

describe('latest result group', () => {
  it('is the newest job’s viewable assets in slot order', () => {
    const items = [asset('b1', 'job-b', 1), asset('b0', 'job-b', 0), asset('a0', 'job-a', 0)];
    expect(latestGroup(items, code).map((a) => a.id)).toEqual(['b0', 'b1']);
  });

  it('skips what the mode cannot show, and is empty when nothing is viewable', () => {
    const items = [asset('png', 'job-c', 0, 'image'), asset('a0', 'job-a', 0)];
    expect(latestGroup(items, code).map((a) => a.id)).toEqual(['a0']);
    expect(latestGroup(items, () => false)).toEqual([]);
    expect(latestGroup([asset('lone', null, 0)], code).map((a) => a.id)).toEqual(['lone']);
  });
});
