/** ComfyUI's 400 bodies (exactly as observed on v0.3.64, PROVIDERS.md) as one readable sentence. */
import { describe, expect, it } from 'vitest';
import { describePromptRefusal } from './prompt-errors';

describe('describePromptRefusal', () => {
  it('the observed missing-checkpoint body names the checkpoint', () => {
    const body = {
      error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '', extra_info: {} },
      node_errors: {
        '4': {
          errors: [{ type: 'value_not_in_list', message: 'Value not in list', details: "ckpt_name: 'missing.safetensors' not in []", extra_info: { input_name: 'ckpt_name', input_config: [[], { tooltip: '...' }], received_value: 'missing.safetensors' } }],
          dependent_outputs: ['9'],
          class_type: 'CheckpointLoaderSimple',
        },
      },
    };
    expect(describePromptRefusal(body)).toBe("ComfyUI refused the workflow: checkpoint 'missing.safetensors' is not installed in ComfyUI (models/checkpoints).");
  });

  it('several problems are joined, each naming node, class, input and value', () => {
    const body = {
      error: { type: 'prompt_outputs_failed_validation', message: 'Prompt outputs failed validation', details: '' },
      node_errors: {
        '3': {
          errors: [
            { type: 'value_bigger_than_max', message: 'Value 20000 bigger than max of 10000', details: 'steps', extra_info: { input_name: 'steps', received_value: 20000 } },
            { type: 'value_not_in_list', message: 'Value not in list', details: "sampler_name: 'fast' not in [...]", extra_info: { input_name: 'sampler_name', received_value: 'fast' } },
          ],
          class_type: 'KSampler',
        },
        '5': { errors: [{ type: 'required_input_missing', message: 'Required input is missing', details: 'width', extra_info: { input_name: 'width' } }], class_type: 'EmptyLatentImage' },
      },
    };
    expect(describePromptRefusal(body)).toBe(
      "ComfyUI refused the workflow: node 3 (KSampler) input 'steps': value 20000 bigger than max of 10000; node 3 (KSampler) input 'sampler_name': 'fast' is not one of the values ComfyUI offers; node 5 (EmptyLatentImage) input 'width' is required but missing.",
    );
  });

  it('errors without node_errors: unknown class, no outputs, no prompt, and bodies that are not JSON objects', () => {
    expect(describePromptRefusal({ error: { type: 'invalid_prompt', message: 'Cannot execute because node Foo does not exist.', details: "Node ID '#7'" }, node_errors: {} })).toBe(
      "ComfyUI refused the workflow: Cannot execute because node Foo does not exist. (Node ID '#7') — install the custom node that provides it.",
    );
    expect(describePromptRefusal({ error: { type: 'prompt_no_outputs', message: 'Prompt has no outputs', details: '' }, node_errors: {} })).toMatch(/no output node/);
    expect(describePromptRefusal({ error: { type: 'no_prompt', message: 'No prompt provided', details: 'No prompt provided' }, node_errors: {} })).toBe('ComfyUI refused the workflow: No prompt provided — No prompt provided.');
    expect(describePromptRefusal('<html>Bad Request</html>')).toMatch(/without saying why/);
    expect(describePromptRefusal(null)).toMatch(/without saying why/);
  });
});
