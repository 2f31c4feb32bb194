import { useCallback } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { Palette } from './panels/Palette';
import { Inspector } from './panels/Inspector';
import { DiagnosticsPanel } from './panels/DiagnosticsPanel';
import { Toolbar } from './workspace/Toolbar';
import { Overlays } from './workspace/Overlays';
import { useShortcuts } from './workspace/shortcuts';
import { fileAccess, saveTopology } from './workspace/files';
import { appStore } from './store/appStore';

/** The designer: toolbar on top, palette | canvas | inspector, diagnostics under the canvas. */
export function App() {
  const save = useCallback(() => void saveTopology(appStore, fileAccess()), []);
  useShortcuts(appStore, save);
  return (
    <ReactFlowProvider>
      <div className="zs-app">
        <Toolbar />
        <div className="zs-main">
          <Palette />
          <div className="zs-center">
            <Canvas />
            <DiagnosticsPanel />
          </div>
          <Inspector />
        </div>
        <Overlays />
      </div>
    </ReactFlowProvider>
  );
}
