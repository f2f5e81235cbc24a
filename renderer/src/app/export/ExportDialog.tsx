/**
 * Export the selection or the whole workspace in one of the mode's formats. The formats and
 * their options come from the core (`exports.formats`), so the dialog offers exactly what the
 * mode can export; while an export runs it shows progress and can be cancelled.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import type { ExportFormatInfo, ExportOptionSpec } from '../../../../shared/exports';
import type { ModeId } from '../../../../shared/modes';
import type { Workspace } from '../../../../shared/workspace';
import { Button } from '../../components/Button';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { CheckboxField, NumberField, SelectField } from '../../components/FormFields';
import { ProgressBar } from '../../components/ProgressBar';
import { Spinner } from '../../components/Spinner';
import { useExports } from '../../stores';
import '../../styles/exports.css';
import { defaultOptions, progressFraction, progressLabel, toggleChoice, type OptionValues } from './exportForm';

export interface ExportDialogProps {
  readonly mode: ModeId;
  readonly workspace: Workspace;
  /** The gallery's selection (may be empty: then only the whole workspace can be exported). */
  readonly selectedIds: ReadonlyArray<string>;
  readonly onClose: () => void;
}

function OptionField({ spec, value, onChange }: { spec: ExportOptionSpec; value: OptionValues[string] | undefined; onChange: (value: OptionValues[string]) => void }) {
  const groupId = useId();
  switch (spec.type) {
    case 'choice':
      return <SelectField label={spec.label} value={typeof value === 'string' ? value : spec.default} options={spec.choices} onChange={onChange} />;
    case 'number':
      return (
        <NumberField
          label={spec.unit === undefined ? spec.label : `${spec.label} (${spec.unit})`}
          value={typeof value === 'number' ? value : spec.default}
          min={spec.min}
          max={spec.max}
          step={spec.step}
          onChange={(next) => onChange(next ?? spec.default)}
        />
      );
    case 'boolean':
      return <CheckboxField label={spec.label} checked={typeof value === 'boolean' ? value : spec.default} onChange={onChange} />;
    case 'text':
      return (
        <div className="field">
          <label className="field-label" htmlFor={groupId}>
            {spec.label}
          </label>
          <input
            id={groupId}
            className="field-input"
            maxLength={spec.maxLength}
            value={typeof value === 'string' ? value : spec.default}
            onChange={(event) => onChange(event.target.value)}
          />
        </div>
      );
    case 'multi': {
      const current = Array.isArray(value) ? (value as ReadonlyArray<string>) : spec.default;
      return (
        <fieldset className="field export-multi" aria-labelledby={groupId}>
          <legend id={groupId} className="field-label">
            {spec.label}
          </legend>
          <div className="export-multi-choices">
            {spec.choices.map((choice) => (
              <CheckboxField
                key={choice.value}
                label={choice.label}
                checked={current.includes(choice.value)}
                onChange={() => onChange(toggleChoice(spec, current, choice.value))}
              />
            ))}
          </div>
        </fieldset>
      );
    }
  }
}

export function ExportDialog({ mode, workspace, selectedIds, onClose }: ExportDialogProps) {
  const formats = useExports((s) => s.formats[mode]);
  const loadFormats = useExports((s) => s.loadFormats);
  const running = useExports((s) => s.running);
  const run = useExports((s) => s.run);
  const cancel = useExports((s) => s.cancel);
  const items = useMemo(() => formats?.items ?? [], [formats]);
  const last = useExports((s) => s.lastChoice[mode]);
  const remember = useExports((s) => s.remember);
  // The dialog opens on what was exported last in this mode (this session).
  const [formatId, setFormatId] = useState<string | null>(last?.formatId ?? null);
  const [values, setValues] = useState<Record<string, OptionValues>>((last?.values ?? {}) as Record<string, OptionValues>);
  const [scope, setScope] = useState<'selection' | 'all'>(selectedIds.length > 0 ? 'selection' : 'all');
  const [destination, setDestination] = useState<'dialog' | 'workspace'>(last?.destination ?? 'dialog');
  const busy = running !== null && running.workspaceId === workspace.id;

  useEffect(() => {
    void loadFormats(mode);
  }, [loadFormats, mode]);

  const format: ExportFormatInfo | undefined = items.find((item) => item.id === formatId) ?? items[0];
  const options = format === undefined ? {} : { ...defaultOptions(format), ...values[format.id] };
  const setOption = (key: string, value: OptionValues[string]): void => {
    if (format === undefined) return;
    setValues((all) => ({ ...all, [format.id]: { ...all[format.id], [key]: value } }));
  };

  const submit = async (): Promise<void> => {
    if (format === undefined) return;
    remember(mode, { formatId: format.id, values, destination });
    const result = await run({ workspaceId: workspace.id, assets: scope === 'all' ? 'all' : selectedIds, format, options, destination });
    if (result.ok) onClose();
  };

  return (
    <Dialog title={`Export from ${workspace.name}`} onClose={onClose} dismissible={!busy} size="md">
      <form
        className="export-dialog-form"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <DialogBody>
          {formats?.status !== 'ready' ? (
            <Spinner label="Loading formats…" />
          ) : (
            <>
              <fieldset className="field" disabled={busy}>
                <legend className="field-label">What</legend>
                <div className="segmented" role="radiogroup" aria-label="What to export">
                  <label className="segmented-option">
                    <input type="radio" name="export-scope" checked={scope === 'selection'} disabled={selectedIds.length === 0} onChange={() => setScope('selection')} />
                    <span>Selection ({selectedIds.length})</span>
                  </label>
                  <label className="segmented-option">
                    <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} />
                    <span>Whole workspace</span>
                  </label>
                </div>
              </fieldset>
              <SelectField
                label="Format"
                value={format?.id ?? ''}
                options={items.map((item) => ({ value: item.id, label: item.label }))}
                onChange={(id) => setFormatId(id)}
                hint={format?.description}
                disabled={busy}
              />
              {format?.options.map((spec) => (
                <OptionField key={`${format.id}.${spec.key}`} spec={spec} value={options[spec.key]} onChange={(value) => setOption(spec.key, value)} />
              ))}
              <fieldset className="field" disabled={busy}>
                <legend className="field-label">Save to</legend>
                <div className="segmented" role="radiogroup" aria-label="Where to save">
                  <label className="segmented-option">
                    <input type="radio" name="export-destination" checked={destination === 'dialog'} onChange={() => setDestination('dialog')} />
                    <span>Choose a file…</span>
                  </label>
                  <label className="segmented-option">
                    <input type="radio" name="export-destination" checked={destination === 'workspace'} onChange={() => setDestination('workspace')} />
                    <span>Workspace exports folder</span>
                  </label>
                </div>
              </fieldset>
              {busy && <ProgressBar value={progressFraction(running.progress)} label={progressLabel(running.progress)} />}
              {busy && <p className="field-hint">{progressLabel(running.progress)}</p>}
            </>
          )}
        </DialogBody>
        <DialogFooter>
          {busy ? (
            <Button type="button" onClick={() => void cancel()}>
              Cancel export
            </Button>
          ) : (
            <Button type="button" variant="ghost" onClick={onClose}>
              Close
            </Button>
          )}
          <Button type="submit" variant="primary" disabled={busy || format === undefined}>
            Export
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
