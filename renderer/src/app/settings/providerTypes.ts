/** The provider DTOs the settings cards use (from shared/, re-exported for short imports). */
export type { KeyTestResult, LocalLlmStatus, ProviderStatus } from '../../../../shared/provider-status';
export type { SecretStorageStatus } from '../../../../shared/secret-storage';
