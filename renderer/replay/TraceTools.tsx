import { memo, useRef } from 'react';
import { appStore, useAppStore } from '../store/appStore';
import { selectDirty } from '../store/selectors';
import { download } from '../workspace/files';
import { traceExport } from './traceExport';
import { importTraceText } from './traceImport';

function confirmReplace(): boolean {
  return (
    !selectDirty(appStore.getState()) ||
    window.confirm('Replaying a trace puts its topology on the canvas. Discard the unsaved changes of this one?')
  );
}

function exportTrace(): void {
  const s = appStore.getState();
  const file = traceExport(s);
  download(file.name, file.text, 'application/x-ndjson');
  s.notify(`exported ${file.records.toLocaleString('en-US')} records to ${file.name}`);
}

/** Export the trace as JSON lines (the CLI's format), and replay one. */
export const TraceTools = memo(function TraceTools() {
  const input = useRef<HTMLInputElement>(null);
  const hasRecords = useAppStore((s) => s.traceVersion >= 0 && s.trace.size > 0);
  return (
    <div className="zs-trace-tools" role="group" aria-label="Trace file">
      <button
        type="button"
        onClick={exportTrace}
        disabled={!hasRecords}
        data-testid="export-trace"
        title="save the trace and the topology as JSON lines (the format of zmq-studio run --trace)"
      >
        Export trace
      </button>
      <button
        type="button"
        onClick={() => input.current?.click()}
        data-testid="import-trace"
        title="replay a trace file on the canvas, without sockets"
      >
        Replay trace…
      </button>
      <input
        ref={input}
        type="file"
        accept=".jsonl,.ndjson,.json,application/x-ndjson"
        hidden
        data-testid="import-trace-file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file && confirmReplace()) void file.text().then((text) => importTraceText(appStore, file.name, text));
        }}
      />
    </div>
  );
});
