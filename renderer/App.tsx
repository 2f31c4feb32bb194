import { useCallback } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import { Canvas } from './canvas/Canvas';
import { Palette } from './panels/Palette';
import { Inspector } from './panels/Inspector';
import { Dock } from './workspace/Dock';
import { Toolbar } from './workspace/Toolbar';
import { Overlays } from './workspace/Overlays';
import { useShortcuts } from './workspace/shortcuts';
import { fileAccess, saveTopology } from './workspace/files';
import { appStore } from './store/appStore';

/** The designer: toolbar on top, palette | canvas | inspector, the run panels docked under the canvas. */
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
            <Dock />
          </div>
          <Inspector />
        </div>
        <Overlays />
      </div>
    </ReactFlowProvider>
  );
}
