/**
 * End-to-end ComfyUI: the real client and detection against the loopback ComfyUI test server
 * (issue 4). Replaces the in-process ComfyUI stub; the local-LLM stub stays for UI/UX code.
 * The specs' old stub controls (`latencyMs`, `failWith`) now drive the test server, so a slow
 * or failing "ComfyUI" is a real server being slow or failing.
 */
import type { ProviderRegistry } from '../../electron/core/pipeline/types';
import type { ProviderSource } from '../../electron/core/providers/provider-registry';
import type { Provider, ProviderId } from '../../electron/core/providers/provider';
import type { ComfyUiTestServer } from '../../electron/core/providers/comfyui/testing/comfyui-test-server';
import type { StubControls } from './stub-providers';

/** Sampler steps a typical studio request asks for (quality profiles use 22–30). */
const TYPICAL_STEPS = 25;

/** Stub controls whose ComfyUI half is the test server's: latency spread over the sampler steps, any failure an execution_error. */
export function comfyBackedStubControls(server: ComfyUiTestServer, initial: StubControls): StubControls {
  let latencyMs = initial.latencyMs;
  let failWith = initial.failWith;
  const apply = () => {
    server.controls.stepMs = Math.max(1, Math.round(latencyMs / TYPICAL_STEPS));
    server.controls.failWith = failWith ? 'execution_error' : null;
  };
  apply();
  const controls: StubControls = {
    get latencyMs() {
      return latencyMs;
    },
    set latencyMs(value: number) {
      latencyMs = value;
      apply();
    },
    get failWith() {
      return failWith;
    },
    set failWith(value: StubControls['failWith']) {
      failWith = value;
      apply();
    },
  };
  return controls;
}

/**
 * The harness's registry: ComfyUI from the core's own source (real client, real detection),
 * everything else from the stubs. Requests to ComfyUI are recorded when the spec asks
 * (`stub.requests`), as the stub did. No cloud provider is ever in it: e2e runs stay offline.
 */
export function registryWithComfyUi(stubs: ProviderRegistry, comfy: () => ProviderSource | undefined, controls: StubControls): ProviderRegistry {
  const recording = (provider: Provider): Provider => ({
    get capabilities() {
      return provider.capabilities;
    },
    generate: (request, signal, onProgress) => {
      controls.requests?.push(request);
      return provider.generate(request, signal, onProgress);
    },
  });
  return {
    available: () => {
      const source = comfy();
      return [...(source?.isAvailable() ? [source.provider().capabilities] : []), ...stubs.available().filter((p) => p.id !== 'comfyui')];
    },
    get: (id: ProviderId) => {
      if (id !== 'comfyui') return stubs.get(id);
      const source = comfy();
      return source?.isAvailable() ? recording(source.provider()) : undefined;
    },
  };
}
