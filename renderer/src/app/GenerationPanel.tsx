/**
 * The generation form of a studio: tool tabs, preset, prompts, batch, size, seed, HD, the
 * mode's own controls, the final-prompt preview and Generate (Ctrl/Cmd+Enter anywhere in it).
 */
import { useEffect, useId, useRef, type KeyboardEvent, type Ref } from 'react';
import { Link } from 'react-router';
import { MODE_SPECS } from '../../../shared/generation';
import { NEGATIVE_MAX_CHARS, PROMPT_MAX_CHARS } from '../../../shared/mode-spec';
import type { ModeId } from '../../../shared/modes';
import type { Workspace } from '../../../shared/workspace';
import { Button } from '../components/Button';
import { CheckboxField, NumberField, SelectField } from '../components/FormFields';
import { generationForms } from '../stores';
import { buildRequest, formErrors, toolOf, validateRequest, type FieldErrors } from '../stores/generationForm';
import { ariaKeyShortcuts, isMacPlatform, shortcutLabel } from './shortcuts';
import { hdHint, providerOptions } from './generationHints';
import { ImageInputs } from './inputs/ImageInputs';
import { STUDIO_CONTROLS } from './studioControls';

const MAC = isMacPlatform(navigator.userAgent);

/** Fields the form shows itself; errors for anything else go to the list under the form. */
const SHOWN_FIELDS = new Set(['tool', 'preset', 'prompt', 'negativePrompt', 'batch', 'size', 'seed', 'hd', 'workspaceId', 'provider', 'inputAssetId', 'maskPngBase64']);

export function GenerationPanel({ mode, workspace }: { mode: ModeId; workspace: Workspace }) {
  const useForm = generationForms[mode];
  const spec = MODE_SPECS[mode];
  const values = useForm((s) => s.values);
  const submitErrors = useForm((s) => s.submitErrors);
  const formError = useForm((s) => s.formError);
  const submitting = useForm((s) => s.submitting);
  const actions = useForm.getState();
  const Controls = STUDIO_CONTROLS[mode];
  const id = useId();
  const promptRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    useForm.getState().setWorkspace(workspace.id);
  }, [useForm, workspace.id]);

  const blocking = formErrors(mode, workspace.id, values);
  const live = validateRequest(buildRequest(mode, workspace.id, values));
  const errorOf = (field: string): string | undefined => submitErrors[field] ?? (field === 'workspaceId' ? undefined : live[field]);
  const controlErrors = prefixed(submitErrors, live, 'controls.');
  const unplaced = (f: string): boolean => !SHOWN_FIELDS.has(f) && !f.startsWith('controls.');
  /** The core's answer about a field the form does not show: the form's alert says it. */
  const alerts = [
    ...(formError === null ? [] : [formError.message]),
    ...Object.entries(submitErrors)
      .filter(([f]) => unplaced(f))
      .map(([, message]) => message),
  ];
  const otherErrors = Object.keys(live).filter((f) => unplaced(f) && submitErrors[f] === undefined);

  const tool = toolOf(mode, values.tool) ?? spec.tools[0];
  const previewChain = useForm((s) => s.preview.value?.chain ?? null);
  const autoChain = useForm((s) => s.preview.autoChain);
  const preset = spec.presets.find((p) => p.id === values.preset);
  const invalid = Object.keys(blocking).length > 0;

  const generate = (): void => {
    void useForm
      .getState()
      .generate()
      .then((job) => {
        if (job === null && useForm.getState().submitErrors.prompt !== undefined) promptRef.current?.focus();
      });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>): void => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      // A held key auto-repeats: one press, one job (HD jobs cost credits).
      if (!event.repeat) generate();
      return;
    }
    // A plain Enter in a one-line field must not submit the form: the shortcut is Ctrl/⌘+Enter.
    if (event.target instanceof HTMLInputElement) event.preventDefault();
  };

  return (
    <form
      className="generation-form"
      aria-label="Generation"
      noValidate
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        generate();
      }}
    >
      <ToolTabs mode={mode} value={values.tool} onChange={(t) => actions.setTool(t)} panelId={`${id}-panel`} />
      <div id={`${id}-panel`} role="tabpanel" aria-label={tool?.label} className="generation-fields">
        {tool !== undefined && <p className="field-hint">{tool.description}</p>}

        <div className="preset-row">
          <SelectField
            label="Preset"
            value={values.preset}
            options={spec.presets.map((p) => ({ value: p.id, label: p.label }))}
            onChange={(v) => actions.setPreset(v)}
            error={errorOf('preset')}
            hint={preset?.description}
            className="preset-select"
          />
        </div>
        {preset !== undefined && (
          <button type="button" className="preset-example" onClick={() => actions.fillExample()} aria-label={`Use example: ${preset.example}`} title="Use this example as the prompt">
            <span className="preset-example-label">Example</span> “{preset.example}”
          </button>
        )}

        {tool !== undefined && tool.input !== 'none' && <ImageInputs mode={mode} workspace={workspace} withMask={tool.input === 'image+mask'} errorOf={errorOf} />}

        <TextArea
          label="Prompt"
          value={values.prompt}
          maxLength={PROMPT_MAX_CHARS}
          rows={4}
          placeholder={preset?.example ?? 'Describe what to make'}
          onChange={(v) => actions.set('prompt', v)}
          error={submitErrors.prompt ?? (values.prompt.trim() === '' ? undefined : live.prompt)}
          textareaRef={promptRef}
        />
        <TextArea
          label="Negative prompt"
          value={values.negativePrompt}
          maxLength={NEGATIVE_MAX_CHARS}
          rows={2}
          placeholder="What to avoid (optional)"
          onChange={(v) => actions.set('negativePrompt', v)}
          error={errorOf('negativePrompt')}
        />

        <div className="controls-grid">
          <SelectField
            label="Batch"
            value={values.batch}
            options={Array.from({ length: tool?.maxBatch ?? 1 }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
            onChange={(v) => actions.set('batch', v)}
            disabled={(tool?.maxBatch ?? 1) === 1}
            error={errorOf('batch')}
          />
          <NumberField
            label="Size"
            value={Number.isFinite(values.size) ? values.size : null}
            min={spec.sizes.min}
            max={spec.sizes.max}
            suggestions={spec.sizes.choices}
            onChange={(v) => actions.set('size', v ?? Number.NaN)}
            error={errorOf('size')}
            hint={`${spec.sizes.min}–${spec.sizes.max} px`}
          />
          <div className="seed-field">
            <SeedInput value={values.seed} onChange={(v) => actions.set('seed', v)} error={errorOf('seed')} />
            <CheckboxField label="Lock" checked={values.seedLocked} onChange={(v) => actions.set('seedLocked', v)} hint="Keep this seed" />
            <LastSeed mode={mode} />
          </div>
          <CheckboxField
            label="HD"
            asSwitch
            checked={values.hd}
            onChange={(v) => actions.set('hd', v)}
            error={errorOf('hd')}
            hint={hdHint(spec.hdCreditsPerGeneration, values.hd, previewChain)}
          />
          <SelectField
            label="Provider"
            value={values.provider}
            options={providerOptions(autoChain, values.provider)}
            onChange={(v) => actions.set('provider', v)}
            error={errorOf('provider')}
            hint={values.provider === '' ? 'The studio picks, and falls back in order.' : 'Only this provider; no fallback.'}
          />
        </div>

        <div className="mode-controls" role="group" aria-labelledby={`${id}-options`}>
          <h3 id={`${id}-options`} className="section-title">
            Options
          </h3>
          <Controls tool={values.tool} preset={values.preset} controls={values.controls} errors={controlErrors} onChange={(k, v) => actions.setControl(k, v)} />
        </div>

        {otherErrors.length > 0 && (
          <ul className="form-notes">
            {otherErrors.map((field) => (
              <li key={field}>{live[field]}</li>
            ))}
          </ul>
        )}

        <FinalPrompt mode={mode} />

        <div className="generate-footer">
          {alerts.length > 0 && (
            <div className="form-alert" role="alert">
              {alerts.map((message) => (
                <p key={message}>{message}</p>
              ))}
            </div>
          )}
          <div className="generate-row">
            <Button type="submit" variant="primary" icon="sparkle" pending={submitting} disabled={invalid} aria-keyshortcuts={ariaKeyShortcuts('Enter')}>
              Generate
            </Button>
            <kbd className="kbd generate-hint">{shortcutLabel('Enter', MAC)}</kbd>
          </div>
        </div>
      </div>
    </form>
  );
}

function prefixed(first: FieldErrors, second: FieldErrors, prefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const errors of [second, first]) {
    for (const [key, message] of Object.entries(errors)) if (key.startsWith(prefix)) out[key.slice(prefix.length)] = message;
  }
  return out;
}

function ToolTabs({ mode, value, onChange, panelId }: { mode: ModeId; value: string; onChange: (tool: string) => void; panelId: string }) {
  const tools = MODE_SPECS[mode].tools;
  const refs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const index = tools.findIndex((t) => t.id === value);
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % tools.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tools.length) % tools.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tools.length - 1;
    if (next < 0) return;
    event.preventDefault();
    const tool = tools[next];
    if (tool !== undefined) {
      onChange(tool.id);
      refs.current[next]?.focus();
    }
  };
  return (
    <div className="tool-tabs" role="tablist" aria-label="Tools" onKeyDown={onKeyDown}>
      {tools.map((tool, i) => {
        const selected = tool.id === value;
        return (
          <button
            key={tool.id}
            ref={(el) => {
              refs.current[i] = el;
            }}
            type="button"
            role="tab"
            className="tool-tab"
            aria-selected={selected}
            aria-controls={panelId}
            tabIndex={selected ? 0 : -1}
            title={tool.description}
            onClick={() => onChange(tool.id)}
          >
            {tool.label}
          </button>
        );
      })}
    </div>
  );
}

function TextArea({
  label,
  value,
  onChange,
  error,
  rows,
  maxLength,
  placeholder,
  textareaRef,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  rows: number;
  maxLength: number;
  placeholder?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
}) {
  const id = useId();
  const hasError = error !== undefined && error !== '';
  return (
    <div className={['field', hasError ? 'field-invalid' : null].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={textareaRef}
        className="field-input field-textarea"
        value={value}
        rows={rows}
        maxLength={maxLength}
        placeholder={placeholder}
        aria-invalid={hasError || undefined}
        aria-describedby={hasError ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hasError && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function SeedInput({ value, onChange, error }: { value: string; onChange: (value: string) => void; error: string | undefined }) {
  const id = useId();
  const hasError = error !== undefined && error !== '';
  return (
    <div className={['field', hasError ? 'field-invalid' : null].filter(Boolean).join(' ')}>
      <label className="field-label" htmlFor={id}>
        Seed
      </label>
      <input
        id={id}
        className="field-input"
        inputMode="numeric"
        value={value}
        placeholder="Random"
        aria-invalid={hasError || undefined}
        aria-describedby={hasError ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {hasError && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

function FinalPrompt({ mode }: { mode: ModeId }) {
  const preview = generationForms[mode]((s) => s.preview);
  const empty = generationForms[mode]((s) => s.values.prompt.trim() === '');
  const id = useId();
  const value = preview.value;
  return (
    <section className="final-prompt" aria-labelledby={`${id}-title`} aria-busy={preview.status === 'loading' || undefined}>
      <h3 id={`${id}-title`} className="section-title">
        Final prompt
      </h3>
      {preview.status === 'error' && preview.error !== null && <p className="field-error">{preview.error.message}</p>}
      {value === null && preview.status !== 'error' && (
        <p className="field-hint">
          {empty ? 'Type a prompt to see what the provider will get.' : 'Fix the fields marked above to see what the provider will get.'}
        </p>
      )}
      {value !== null && (
        <dl className="final-prompt-list">
          <dt>Prompt</dt>
          <dd className="final-prompt-text">{value.prompt}</dd>
          <dt>Negative</dt>
          <dd className="final-prompt-text">{value.negativePrompt === null || value.negativePrompt === '' ? '—' : value.negativePrompt}</dd>
          <dt>Runs on</dt>
          <dd>
            {value.chain.length === 0 ? (
              <span className="final-prompt-warning">
                No provider is set up for this yet: add one in <Link to="/settings#providers">Settings → Providers</Link>.
              </span>
            ) : (
              value.chain.map((p) => `${p.label}${p.local ? ' (local)' : ''}`).join(' → ')
            )}
          </dd>
          <dt>Seeds</dt>
          <dd>{value.seeds.length === 0 ? 'Random' : value.seeds.join(', ')}</dd>
          <dt>Output</dt>
          <dd>
            {value.profile.width}×{value.profile.height} · {value.tier === 'hd' ? 'HD' : 'Standard'}
          </dd>
        </dl>
      )}
      {value !== null && value.warnings.length > 0 && (
        <ul className="final-prompt-warnings" aria-label="Warnings">
          {value.warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The seed the last run used (chosen by the pipeline when the field was empty), lockable from here. */
function LastSeed({ mode }: { mode: ModeId }) {
  const lastSeed = generationForms[mode]((s) => s.lastSeed);
  const current = generationForms[mode]((s) => (s.values.seedLocked ? s.values.seed : null));
  if (lastSeed === null) return null;
  const locked = current === String(lastSeed);
  return (
    <p className="last-seed">
      Last run: seed <output aria-label="Seed used by the last run">{lastSeed}</output>
      {!locked && (
        <Button size="sm" variant="ghost" onClick={() => generationForms[mode].getState().lockSeed(lastSeed)}>
          Lock this seed
        </Button>
      )}
    </p>
  );
}
