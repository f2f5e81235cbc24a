/**
 * The studio header's ComfyUI chip: connected (version, GPU, VRAM), not found, or needs
 * attention with the reason on hover; a click opens Settings → Providers.
 */
import { Link } from 'react-router';
import '../../styles/comfyui.css';
import { useComfyUi } from '../../stores';
import { describeComfyUi } from '../../stores/comfyui';

export function ComfyUiStatusChip() {
  const status = useComfyUi((s) => s.status);
  const { tone, label, detail } = describeComfyUi(status);
  return (
    <Link to="/settings#comfyui" className={`comfyui-chip badge badge-${tone}`} title={detail} aria-label={`${label}. ${detail} Open ComfyUI settings.`} data-state={status?.state ?? 'checking'}>
      <span className={`comfyui-dot comfyui-dot-${tone}`} aria-hidden="true" />
      <span className="comfyui-chip-label">{label}</span>
      {status?.state === 'connected' && <span className="comfyui-chip-detail">{detail.split(' · ')[0]}</span>}
    </Link>
  );
}
