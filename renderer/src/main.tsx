import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/tokens.css';
import './styles/base.css';
import './styles/components.css';
import './styles/app.css';
import './styles/studio.css';
import './styles/gallery.css';
import './styles/previews.css';
import './styles/account.css';
import { App } from './app/App';
import { BridgeMissing } from './app/BridgeMissing';
import { ErrorBoundary } from './app/ErrorBoundary';
import { bridgeLoaded } from './ipc';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary>{bridgeLoaded() ? <App /> : <BridgeMissing />}</ErrorBoundary>
  </StrictMode>,
);
