/** What the user must know about an export: drafts, outside programs, manual nodes, late joiners. */
import type { ExportLanguage } from './files';
import type { ExportPlan } from './plan';

export function exportNotes(plan: ExportPlan, lang: ExportLanguage): string[] {
  const notes: string[] = [];
  const drafts = plan.programs.filter((p) => p.draft.length > 0);
  if (drafts.length) {
    const which = drafts.map((p) => `${p.label} (${p.draft.join(', ')})`).join(', ');
    notes.push(
      lang === 'python'
        ? `draft socket types in ${which}: they need libzmq and pyzmq built with draft APIs; Debian's python3-zmq has none (zmq.has("draft") is False), so these programs fail there`
        : `draft socket types in ${which}: they are in zeromq's draft module (zeromq/draft) and need a libzmq built with draft APIs (the zeromq 6 prebuilt binaries have them)`,
    );
  }
  for (const e of plan.externals) {
    const ends = e.ends.map((x) => `${x.binds ? 'bind' : 'connect to'} ${x.endpoint} (for ${x.peer})`).join(', ');
    notes.push(
      `${e.label} is an external program: no code is generated for it; run it yourself as a ${e.socket} socket that will ${ends}${e.command ? `: ${e.command}` : ''}`,
    );
  }
  const manual = plan.programs.filter((p) => p.role.kind === 'socket' && p.role.behavior.type === 'manual');
  if (manual.length) {
    notes.push(
      `${manual.map((p) => p.label).join(', ')}: manual in zmq-studio (you inject what it sends); the program only holds its socket and prints what arrives`,
    );
  }
  const late = plan.programs.filter((p) => p.sockets.some((s) => s.connects.some((c) => c.delayMs > 0)));
  if (late.length) {
    notes.push(
      `late joiners (${late.map((p) => p.label).join(', ')}) connect their delayed edges that long after they are ready, not after the run started`,
    );
  }
  return notes;
}
