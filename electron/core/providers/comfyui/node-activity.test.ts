import { describe, expect, it } from 'vitest';
import { isSamplerClass, nodeActivity, samplerActivity } from './node-activity';

describe('nodeActivity', () => {
  it.each([
    ['CheckpointLoaderSimple', 'Loading the model'],
    ['UNETLoader', 'Loading the model'],
    ['UnetLoaderGGUF', 'Loading the model'],
    ['DualCLIPLoader', 'Loading the model'],
    ['VAELoader', 'Loading the model'],
    ['LoraLoaderModelOnly', 'Loading the model'],
    ['CLIPTextEncode', 'Reading the prompt'],
    ['CLIPTextEncodeSDXL', 'Reading the prompt'],
    ['ConditioningCombine', 'Reading the prompt'],
    ['KSampler', 'Sampling'],
    ['KSamplerAdvanced', 'Sampling'],
    ['SamplerCustomAdvanced', 'Sampling'],
    ['KSampler (Efficient)', 'Sampling'],
    ['KSamplerSelect', 'Preparing the sampler'],
    ['SamplerEulerAncestral', 'Preparing the sampler'],
    ['BasicScheduler', 'Preparing the sampler'],
    ['VAEDecode', 'Decoding the image'],
    ['VAEDecodeTiled', 'Decoding the image'],
    ['VAEEncodeForInpaint', 'Encoding the input image'],
    ['LoadImage', 'Loading the input image'],
    ['LoadImageMask', 'Loading the input image'],
    ['SaveImage', 'Saving the image'],
    ['PreviewImage', 'Saving the image'],
    ['ImageScaleBy', 'Running ImageScaleBy'],
    ['LatentUpscaleBy', 'Upscaling'],
    ['EmptyLatentImage', 'Preparing the canvas'],
    ['EmptySD3LatentImage', 'Preparing the canvas'],
  ])('%s → %s', (classType, phrase) => {
    expect(nodeActivity(classType)).toBe(phrase);
  });

  it('names an unknown custom node by its class, printable ASCII only and bounded', () => {
    expect(nodeActivity('MyCustomNode')).toBe('Running MyCustomNode');
    expect(nodeActivity('Evil\u001b[2J\u202eNode')).toBe('Running Evil[2JNode');
    expect(nodeActivity('X'.repeat(500))).toBe(`Running ${'X'.repeat(60)}`);
    expect(nodeActivity('\u0000\u0001')).toBe('Running');
  });
});

describe('isSamplerClass', () => {
  it('counts the nodes that run steps, not the ones that pick a sampler or scheduler', () => {
    expect(['KSampler', 'KSamplerAdvanced', 'SamplerCustom', 'SamplerCustomAdvanced', 'KSampler (Efficient)'].every(isSamplerClass)).toBe(true);
    expect(['KSamplerSelect', 'SamplerEulerAncestral', 'BasicScheduler', 'CheckpointLoaderSimple'].some(isSamplerClass)).toBe(false);
  });
});

describe('samplerActivity', () => {
  it('numbers the passes only when a workflow has several samplers', () => {
    expect(samplerActivity(0, 1)).toBe('Sampling');
    expect(samplerActivity(1, 2)).toBe('Sampling, pass 2 of 2');
  });
});
