import { memo } from 'react';
import { Panel } from '@xyflow/react';
import type { Pattern } from '../../shared/patterns';
import { PATTERN_TITLES } from '../../shared/patterns';
import { appStore, useAppStore } from '../store/appStore';

const TOOLS: readonly Pattern[] = ['reqrep', 'pubsub', 'pipeline', 'pair'];

/** "The four patterns": pick one and only its handles light up and connect. */
export const PatternTool = memo(function PatternTool() {
  const tool = useAppStore((s) => s.patternTool);
  const pick = (p: Pattern | undefined) => appStore.getState().setPatternTool(p);
  return (
    <Panel position="top-left" className="zs-pattern-tool" aria-label="pattern tool">
      <button type="button" className={tool === undefined ? 'active' : ''} onClick={() => pick(undefined)}>
        all
      </button>
      {TOOLS.map((p) => (
        <button key={p} type="button" className={`pattern-${p}${tool === p ? ' active' : ''}`} onClick={() => pick(tool === p ? undefined : p)} data-testid={`tool-${p}`}>
          {PATTERN_TITLES[p]}
        </button>
      ))}
    </Panel>
  );
});
