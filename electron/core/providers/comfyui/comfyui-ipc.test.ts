/**
 * The comfyui.* channels through the real dispatcher (payload validation, typed errors, output
 * schemas): bad input names its field, nothing connected is `no_provider`, and no answer ever
 * carries the token.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestCore } from '../../testing/test-core';

let core: TestCore;
beforeEach(() => {
  core = new TestCore();
});
afterEach(async () => {
  await core.dispose();
});

describe('comfyui IPC', () => {
  it('status answers a schema-valid status without a token', async () => {
    const result = await core.call('comfyui.status', {});
    expect(result).toMatchObject({ ok: true, value: { state: 'not_found', token: { configured: false, last4: null } } });
  });

  it('a token that is too short or has spaces is refused, naming the field', async () => {
    expect(await core.call('comfyui.setToken', { token: 'short' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'token' } });
    expect(await core.call('comfyui.setToken', { token: 'has a space in it' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'token' } });
  });

  it('checking a workflow needs a connected ComfyUI (its /object_info); the answer says so', async () => {
    const result = await core.call('comfyui.validateWorkflow', { text: '{"1":{"class_type":"SaveImage","inputs":{}}}' });
    expect(result).toMatchObject({ ok: false, error: { code: 'no_provider' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/Connect ComfyUI first/);
  });

  it('saving needs a name and a mode; removing a workflow that does not exist is not_found', async () => {
    expect(await core.call('comfyui.saveWorkflow', { mode: 'pixel', name: '  ', text: '{}' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'name' } });
    expect(await core.call('comfyui.saveWorkflow', { mode: 'paint', name: 'x', text: '{}' })).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'mode' } });
    expect(await core.call('comfyui.removeWorkflow', { mode: 'pixel' })).toMatchObject({ ok: false, error: { code: 'not_found', field: 'mode' } });
    expect(await core.call('comfyui.listWorkflows', {})).toEqual({ ok: true, value: [] });
  });
});
