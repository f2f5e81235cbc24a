import { resolve } from 'node:path';

/** `resources/comfyui` in the repository (tests, the e2e harness and the bench run from source). */
export const RESOURCES_WORKFLOWS_DIR = resolve(__dirname, '../../../../../resources/comfyui');
