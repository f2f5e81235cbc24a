/**
 * Settings → Providers → ComfyUI (issue 4): address (validated), Re-check, detection result with
 * devices and checkpoints, default checkpoint per mode, the optional bearer token (kept in the
 * keychain; only its last four come back), and a custom API-format workflow per mode, checked
 * against the connected ComfyUI with every problem listed by node and input.
 */
import { useId, useState, type ChangeEvent } from 'react';
import '../../styles/comfyui.css';
import { ServerUrlSchema } from '../../../../shared/providers';
import { MODE_IDS, MODES, type ModeId } from '../../../../shared/modes';
import { Badge } from '../../components/Badge';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { TextField } from '../../components/TextField';
import { useComfyUi, useSettings } from '../../stores';
import { describeComfyUi, deviceLabel } from '../../stores/comfyui';

const GB = 1024 ** 3;

export function ComfyUiCard() {
  const status = useComfyUi((s) => s.status);
  const checking = useComfyUi((s) => s.checking);
  const recheck = useComfyUi((s) => s.recheck);
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const titleId = useId();
  const [url, setUrl] = useState(settings.comfyui.url ?? '');
  const [urlError, setUrlError] = useState<string | null>(null);
  const [defaultsError, setDefaultsError] = useState<string | null>(null);
  const summary = describeComfyUi(status);

  const saveUrl = async () => {
    const trimmed = url.trim();
    if (trimmed !== '') {
      const parsed = ServerUrlSchema.safeParse(trimmed);
      if (!parsed.success) return setUrlError(parsed.error.issues[0]?.message ?? 'Enter a full http:// URL.');
    }
    setUrlError(null);
    const result = await update({ comfyui: { ...settings.comfyui, url: trimmed === '' ? null : trimmed.replace(/\/+$/, '') } });
    if (!result.ok) setUrlError(result.error.message);
  };

  const setDefault = (mode: ModeId, checkpoint: string) => {
    const defaults = { ...settings.comfyui.defaultCheckpoints };
    if (checkpoint === '') delete defaults[mode];
    else defaults[mode] = checkpoint;
    setDefaultsError(null);
    void update({ comfyui: { ...settings.comfyui, defaultCheckpoints: defaults } }).then((result) => {
      if (!result.ok) setDefaultsError(result.error.message);
    });
  };

  return (
    <li id="comfyui" className="provider-card provider-card-full" aria-labelledby={titleId} data-provider="comfyui">
      <div className="provider-card-header">
        <p className="provider-text">
          <span id={titleId} className="provider-name">
            ComfyUI
          </span>
          <span className="provider-kind">Local, on this computer · works offline</span>
        </p>
        <div className="toolbar">
          <Badge tone={summary.tone}>{status?.state === 'connected' ? `Connected · ${status.version ?? ''}` : status?.state === 'unusable' ? 'Needs attention' : status ? 'Not found' : 'Checking…'}</Badge>
          <Button size="sm" icon="refresh" pending={checking} onClick={() => void recheck()}>
            Re-check
          </Button>
        </div>
      </div>
      <p className="provider-hint" role="status" aria-label="ComfyUI status">
        {status?.state === 'connected' ? `Connected at ${status.url ?? ''}.` : (status?.reason ?? 'Looking for ComfyUI…')}
      </p>
      <TextField
        label="ComfyUI address"
        value={url}
        placeholder="http://127.0.0.1:8188"
        onChange={(event) => setUrl(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void saveUrl();
        }}
        error={urlError}
        hint="Tried first; then 127.0.0.1:8188 (ComfyUI) and 127.0.0.1:8000 (ComfyUI Desktop). Empty = only those."
        trailing={
          <Button size="sm" onClick={() => void saveUrl()}>
            Save address
          </Button>
        }
      />
      {status?.state === 'connected' || (status?.version ?? null) !== null ? <Details /> : null}
      {status !== null && status.checkpoints.length > 0 && (
        <div className="provider-models comfyui-defaults">
          {MODE_IDS.filter((mode) => mode !== 'uiux').map((mode) => (
            <DefaultCheckpoint key={mode} mode={mode} checkpoints={status.checkpoints} value={settings.comfyui.defaultCheckpoints[mode] ?? ''} onChange={setDefault} />
          ))}
        </div>
      )}
      {defaultsError !== null && (
        <p className="field-error" role="alert">
          The default checkpoint was not saved: {defaultsError}
        </p>
      )}
      <TokenField />
      <WorkflowsField />
    </li>
  );
}

function Details() {
  const status = useComfyUi((s) => s.status);
  if (!status) return null;
  return (
    <div className="comfyui-details">
      <ul className="local-servers" aria-label="ComfyUI devices">
        {status.devices.map((device) => (
          <li key={device.name} className="local-server">
            <span className="provider-name" title={device.name}>
              {deviceLabel(device.name)}
            </span>
            <span className="provider-kind">
              {' · '}
              {device.type}
              {device.vramTotal > 0 ? ` · ${(device.vramFree / GB).toFixed(1)} of ${(device.vramTotal / GB).toFixed(1)} GB VRAM free` : ''}
            </span>
          </li>
        ))}
      </ul>
      <p className="local-server-models" aria-label="Checkpoints">
        <span className="field-label">Checkpoints: </span>
        <span className="mono">{status.checkpoints.length > 0 ? status.checkpoints.join(', ') : 'none installed'}</span>
      </p>
    </div>
  );
}

function DefaultCheckpoint({ mode, checkpoints, value, onChange }: { mode: ModeId; checkpoints: ReadonlyArray<string>; value: string; onChange: (mode: ModeId, checkpoint: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {MODES[mode].name} checkpoint
      </label>
      <select id={id} className="field-input" value={value} onChange={(event) => onChange(mode, event.target.value)}>
        <option value="">First installed ({checkpoints[0]})</option>
        {checkpoints.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
        {value !== '' && !checkpoints.includes(value) && <option value={value}>{value} (not installed)</option>}
      </select>
    </div>
  );
}

/** One object for "no token", so the selector's result is stable while status is null (a fresh
 * object per render would make zustand re-render forever). */
const NO_TOKEN = { configured: false, last4: null } as const;

function TokenField() {
  const token = useComfyUi((s) => s.status?.token ?? NO_TOKEN);
  const setToken = useComfyUi((s) => s.setToken);
  const clearToken = useComfyUi((s) => s.clearToken);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [removing, setRemoving] = useState(false);
  const remove = async () => {
    setRemoving(true);
    // A failure is reported by the store's toast; the dialog closes either way.
    await clearToken();
    setRemoving(false);
    setConfirmRemove(false);
  };
  const save = async () => {
    if (value.trim() === '' || pending) return;
    setPending(true);
    const result = await setToken(value);
    setPending(false);
    if (result.ok) {
      setValue('');
      setError(null);
    } else setError(result.error.message);
  };
  return (
    <details className="provider-advanced">
      <summary>Token for a protected server {token.configured ? `(set${token.last4 ? ` · ends ${token.last4}` : ''})` : ''}</summary>
      <TextField
        label="Bearer token"
        type="password"
        autoComplete="off"
        value={value}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void save();
        }}
        error={error}
        hint="Only for a ComfyUI behind an authenticating proxy. Kept in the system keychain; sent as Authorization: Bearer only to the address above (https, or http on this computer) — never to the default ports."
        trailing={
          <>
            <Button size="sm" pending={pending} disabled={value.trim() === ''} onClick={() => void save()}>
              Save token
            </Button>
            {token.configured && (
              <Button size="sm" variant="ghost" onClick={() => setConfirmRemove(true)}>
                Remove token…
              </Button>
            )}
          </>
        }
      />
      {confirmRemove && (
        <Dialog title="Remove the ComfyUI token?" size="sm" onClose={() => setConfirmRemove(false)} dismissible={!removing}>
          <DialogBody>
            <p className="dialog-text">
              The token is deleted from the system keychain and no longer sent to ComfyUI. A protected server refuses the studio until you enter it again — keep a
              copy if you will need it.
            </p>
          </DialogBody>
          <DialogFooter>
            <Button variant="ghost" onClick={() => setConfirmRemove(false)} disabled={removing} data-autofocus="">
              Keep token
            </Button>
            <Button variant="danger" icon="trash" pending={removing} onClick={() => void remove()}>
              Remove token
            </Button>
          </DialogFooter>
        </Dialog>
      )}
    </details>
  );
}

function WorkflowsField() {
  const workflows = useComfyUi((s) => s.workflows);
  const validation = useComfyUi((s) => s.validation);
  const importWorkflow = useComfyUi((s) => s.importWorkflow);
  const removeWorkflow = useComfyUi((s) => s.removeWorkflow);
  const [mode, setMode] = useState<ModeId>('pixel');
  const [error, setError] = useState<string | null>(null);
  const modeId = useId();
  const fileId = useId();

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(null);
    const result = await importWorkflow(mode, file.name.replace(/\.json$/i, ''), await file.text());
    if (!result.ok) setError(result.error.message);
  };

  return (
    <details className="provider-advanced" open={workflows.length > 0 || validation !== null}>
      <summary>Custom workflows</summary>
      <p className="provider-hint">
        In ComfyUI use Workflow → Export (API). The sampler, checkpoint, size and the prompts feeding the sampler are mapped automatically; other inputs can be set to
        <span className="mono"> {'{"$placeholder": "seed"}'}</span> by hand. It replaces the built-in text-to-image workflow of that mode.
      </p>
      <div className="field-row">
        <label className="field-label" htmlFor={modeId}>
          Mode
        </label>
        <select id={modeId} className="field-input" value={mode} onChange={(event) => setMode(event.target.value as ModeId)}>
          {MODE_IDS.filter((m) => m !== 'uiux').map((m) => (
            <option key={m} value={m}>
              {MODES[m].name}
            </option>
          ))}
        </select>
        <label className="btn btn-secondary btn-sm" htmlFor={fileId}>
          Import workflow…
        </label>
        <input id={fileId} type="file" accept="application/json,.json" className="visually-hidden" aria-label="Import an API-format workflow" onChange={(event) => void onFile(event)} />
      </div>
      {error !== null && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {validation !== null && !validation.result.ok && (
        <div role="alert" aria-label="Workflow problems">
          <p className="field-error">The {MODES[validation.mode].name} workflow was not saved:</p>
          <ul className="comfyui-issues">
            {validation.result.issues.map((issue, index) => (
              <li key={index}>{issue.message}</li>
            ))}
          </ul>
        </div>
      )}
      {workflows.length > 0 && (
        <ul className="local-servers" aria-label="Custom workflows">
          {workflows.map((w) => (
            <li key={w.mode} className="local-server">
              <span className="provider-name">
                {MODES[w.mode].name}: {w.name}
              </span>
              <span className="provider-kind">
                {w.nodes} nodes · {w.placeholders.join(', ')}
              </span>
              <Button size="sm" variant="ghost" onClick={() => void removeWorkflow(w.mode)}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
