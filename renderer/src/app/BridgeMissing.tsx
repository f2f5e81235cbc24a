/** Shown instead of the app when the preload did not define `window.wokgen`. */
export function BridgeMissing() {
  return (
    <div className="fullscreen-message" role="alert">
      <h1>The studio’s bridge did not load</h1>
      <p>
        WokGen Studio’s window started without its connection to the core (<code>window.wokgen</code> is missing),
        so it cannot read your workspaces or settings. This usually means the preload script failed to run.
      </p>
      <p>Reload the window. If this keeps happening, restart the app or reinstall it, and report the problem with its log.</p>
      <div className="fullscreen-actions">
        <button type="button" className="btn btn-primary btn-md" onClick={() => window.location.reload()}>
          Reload the window
        </button>
      </div>
    </div>
  );
}
