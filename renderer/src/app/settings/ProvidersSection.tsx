import { Badge } from '../../components/Badge';
import { SettingsSection } from './SettingsSection';

/**
 * Placeholder until provider setup lands: the list is what the architecture plans, and
 * every card says plainly that nothing is configured yet.
 */
const PLANNED_PROVIDERS = [
  { name: 'ComfyUI', kind: 'Local, on this computer' },
  { name: 'Together.ai', kind: 'Cloud, with your API key' },
  { name: 'fal.ai', kind: 'Cloud, with your API key' },
  { name: 'Replicate', kind: 'Cloud, with your API key' },
  { name: 'Hugging Face', kind: 'Cloud, with your API key' },
  { name: 'Pollinations', kind: 'Cloud, no key needed' },
  { name: 'Local text server', kind: 'Ollama or LM Studio, for UI/UX and vector' },
] as const;

export function ProvidersSection() {
  return (
    <SettingsSection
      card={false}
      title="Providers"
      description="Where images and code get generated. Provider setup arrives with the generation pipeline; keys will be kept in your system keychain."
    >
      <ul className="provider-list">
        {PLANNED_PROVIDERS.map((provider) => (
          <li key={provider.name} className="provider-card">
            <p className="provider-text">
              <span className="provider-name">{provider.name}</span>
              <span className="provider-kind">{provider.kind}</span>
            </p>
            <Badge>Not configured yet</Badge>
          </li>
        ))}
      </ul>
    </SettingsSection>
  );
}
