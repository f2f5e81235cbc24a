/** Test support for exporters: sources from in-memory bytes and a context. Not imported by app code. */
import type { Asset } from '../../../shared/library';
import type { ExportContext, ExportSource } from './exporter';

let counter = 0;

export function assetRow(overrides: Partial<Asset> = {}): Asset {
  counter += 1;
  return {
    id: `asset-${counter}`,
    jobId: `job-${counter}`,
    workspaceId: '3f0e6c1e-4a5b-4c2d-9e8f-0a1b2c3d4e5f',
    slot: 0,
    kind: 'image',
    relativePath: `assets/2026-01/job-${counter}-0.png`,
    mime: 'image/png',
    width: null,
    height: null,
    bytes: 0,
    metadata: {},
    starred: false,
    createdAt: 1_700_000_000_000 + counter,
    ...overrides,
  };
}

export function sourceOf(bytes: Uint8Array, name: string, overrides: Partial<Asset> = {}): ExportSource {
  return { asset: assetRow({ bytes: bytes.byteLength, ...overrides }), name, read: async () => bytes };
}

/** A frame of an animation as the pipeline records it (`metadata.extra.group`). */
export function frameOf(bytes: Uint8Array, name: string, group: { jobId: string; frame: number; count: number; fps: number }): ExportSource {
  return sourceOf(bytes, name, { slot: group.frame, jobId: group.jobId, kind: 'image', metadata: { extra: { group: { type: 'frames', ...group } } } });
}

export function testContext(overrides: Partial<ExportContext> = {}): ExportContext & { readonly reported: Array<[number, number]> } {
  const reported: Array<[number, number]> = [];
  return {
    signal: new AbortController().signal,
    progress: (done, total) => void reported.push([done, total]),
    workspaceName: 'Test Workspace',
    now: Date.UTC(2026, 0, 25, 14, 10),
    reported,
    ...overrides,
  };
}
