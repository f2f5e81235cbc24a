/** Generated code, highlighted (lazily) and copyable. Until the highlighter loads, plain text. */
import { useEffect, useState } from 'react';
import { Button } from '../../components/Button';
import { useToasts } from '../../stores';

export function CodeView({ code, language, fileName }: { code: string; language: 'xml' | 'css' | 'typescript'; fileName: string }) {
  const [highlighted, setHighlighted] = useState<{ code: string; language: string; html: string } | null>(null);

  useEffect(() => {
    let live = true;
    void import('./highlight').then(({ highlightCode }) => {
      if (live) setHighlighted({ code, language, html: highlightCode(code, language) });
    });
    return () => {
      live = false;
    };
  }, [code, language]);
  // An answer for other code (a previous asset) is never shown.
  const html = highlighted !== null && highlighted.code === code && highlighted.language === language ? highlighted.html : null;

  const copy = async (): Promise<void> => {
    const push = useToasts.getState().push;
    try {
      await navigator.clipboard.writeText(code);
      push({ tone: 'success', message: `${fileName} copied.` });
    } catch (error) {
      push({ tone: 'error', message: `The code could not be copied: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <section className="code-view" aria-label="Generated code">
      <div className="code-view-header">
        <span className="code-view-file">{fileName}</span>
        <Button size="sm" icon="code" onClick={() => void copy()}>
          Copy code
        </Button>
      </div>
      <pre className="code-view-pre" tabIndex={0} aria-label={`Code of ${fileName}`}>
        {html === null ? <code>{code}</code> : <code className="hljs" dangerouslySetInnerHTML={{ __html: html }} />}
      </pre>
    </section>
  );
}
