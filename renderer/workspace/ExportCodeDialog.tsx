import { memo, useMemo, useState } from 'react';
import { formatDiagnostic } from '../../shared/diagnostics';
import { EXPORT_LANGUAGES } from '../../shared/export';
import type { ExportLanguage } from '../../shared/export';
import { appStore, useAppStore } from '../store/appStore';
import { LANGUAGE_LABELS, planCodeExport, zipFiles } from './exportCode';
import type { CodeExport } from './exportCode';
import { download } from './files';

const HOW_TO_RUN: Readonly<Record<ExportLanguage, string>> = {
  python: 'unzip, then: python3 launch.py (needs pyzmq)',
  typescript: 'unzip, then: npm install && node launch.mjs',
};

function save(plan: Extract<CodeExport, { ok: true }>): void {
  download(plan.name, zipFiles(plan.files), 'application/zip');
  const s = appStore.getState();
  s.setOverlay('none');
  s.notify(`exported ${plan.files.length} files to ${plan.name}`);
}

/** The body of the "Export code" dialog: a language, then the zip, or why the topology cannot be exported. */
export const ExportCodeBody = memo(function ExportCodeBody() {
  const topology = useAppStore((s) => s.topology);
  const [lang, setLang] = useState<ExportLanguage>('python');
  const plan = useMemo(() => planCodeExport(topology, lang), [topology, lang]);
  return (
    <div className="zs-export-code">
      <p className="zs-muted">One runnable program per node, a launcher and a README — the same as <code>zmq-studio export</code>.</p>
      <div className="zs-seg" role="radiogroup" aria-label="language">
        {EXPORT_LANGUAGES.map((l) => (
          <button key={l} type="button" role="radio" aria-checked={lang === l} className={lang === l ? 'active' : ''} onClick={() => setLang(l)} data-testid={`export-lang-${l}`}>
            {LANGUAGE_LABELS[l]}
          </button>
        ))}
      </div>
      {plan.ok ? (
        <>
          <p data-testid="export-files">
            {plan.files.length} files: <span className="zs-muted">{plan.files.map((f) => f.path).join(', ')}</span>
          </p>
          {plan.notes.length > 0 && (
            <ul className="zs-export-notes">
              {plan.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <p className="zs-muted">{HOW_TO_RUN[lang]}</p>
          <button type="button" className="zs-primary" onClick={() => save(plan)} data-testid="export-download">
            Download {plan.name}
          </button>
        </>
      ) : (
        <>
          <p className="zs-export-refused" data-testid="export-refused">
            Not exported: the topology has {plan.diagnostics.filter((d) => d.severity === 'error').length} error(s) to fix first.
          </p>
          <ul className="zs-export-diagnostics" data-testid="export-diagnostics">
            {plan.diagnostics.map((d, i) => (
              <li key={i} className={`zs-export-${d.severity}`}>
                {formatDiagnostic(d)}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
});
