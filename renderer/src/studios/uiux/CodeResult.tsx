/** A UI/UX code asset: live preview (HTML, or TSX rendered with React in the sandbox) above the highlighted, copyable code. */
import { useEffect } from 'react';
import type { Asset } from '../../../../shared/library';
import { Button } from '../../components/Button';
import { Spinner } from '../../components/Spinner';
import { useCodeAssets } from '../../stores';
import { selectCode } from '../../stores/codeAssets';
import { CodeView } from './CodeView';
import { canPreview, codeLanguageOf, frameworkOf } from './previewProtocol';
import { SandboxedPreview } from './SandboxedPreview';

export function CodeResult({ asset }: { asset: Asset }) {
  const text = useCodeAssets(selectCode(asset.id));
  const load = useCodeAssets((s) => s.load);
  useEffect(() => {
    void load(asset.id);
  }, [load, asset.id]);

  const fileName = asset.relativePath.split('/').pop() ?? asset.relativePath;
  if (text.status === 'error') {
    return (
      <div className="code-result">
        <p className="field-error">{text.error?.message}</p>
        <Button size="sm" icon="refresh" onClick={() => void load(asset.id)}>
          Try again
        </Button>
      </div>
    );
  }
  if (text.code === null) return <Spinner label="Loading the code…" />;
  const framework = frameworkOf(asset.metadata, asset.relativePath);
  return (
    <div className="code-result">
      {canPreview(framework) ? (
        <SandboxedPreview code={text.code} framework={framework} title={fileName} />
      ) : (
        <p className="field-hint">This file type has no live preview: it is shown as code.</p>
      )}
      <CodeView code={text.code} language={codeLanguageOf(asset.relativePath)} fileName={fileName} />
    </div>
  );
}
