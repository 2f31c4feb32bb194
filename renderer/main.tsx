import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { appStore } from './store/appStore';
import type { AppStore } from './store/createAppStore';
import type { Bridge } from './bridge';
import { boot } from './workspace/boot';

declare global {
  interface Window {
    /** The store and bridge, for the end-to-end tests and for poking around in devtools. */
    __zmqStudio?: { store: AppStore; bridge: Bridge };
  }
}

const bridge = boot(appStore);
window.__zmqStudio = { store: appStore, bridge };

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
