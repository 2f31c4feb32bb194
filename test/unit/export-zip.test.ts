import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import { EXAMPLES } from '../../shared/examples';
import { checkExport, exportTopology } from '../../shared/export';
import { planCodeExport, zipFiles, zipNameFor } from '../../renderer/workspace/exportCode';

const example = (id: string): (typeof EXAMPLES)[number]['topology'] => {
  const e = EXAMPLES.find((x) => x.id === id);
  if (!e) throw new Error(`no example ${id}`);
  return e.topology;
};
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('Export code as a zip', () => {
  for (const lang of ['python', 'typescript'] as const) {
    it(`zips exactly exportTopology's ${lang} files of load-balanced`, () => {
      const plan = planCodeExport(example('load-balanced'), lang);
      if (!plan.ok) throw new Error(`refused: ${plan.diagnostics.map((d) => d.message).join('; ')}`);
      expect(plan.name).toBe(`load-balanced-request-reply-${lang}.zip`);
      const loaded = checkExport(example('load-balanced')).topology;
      if (!loaded) throw new Error('load-balanced does not load');
      const expected = exportTopology(loaded, lang);
      expect(plan.files).toEqual(expected.files);
      expect(plan.notes).toEqual(expected.notes);
      const unzipped = unzipSync(zipFiles(plan.files));
      expect(Object.keys(unzipped).sort()).toEqual(expected.files.map((f) => f.path).sort());
      for (const f of expected.files) expect(text(unzipped[f.path]), f.path).toBe(f.text);
    });
  }

  it('marks the launcher executable and the rest not, for unzip on Unix', () => {
    const files = [
      { path: 'launch.py', text: 'print(1)\n', executable: true },
      { path: 'a.py', text: 'x = 1\n' },
    ];
    const zip = zipFiles(files);
    // Central directory entries: signature 50 4b 01 02; external attributes at offset 38.
    const view = new DataView(zip.buffer);
    const modes: Record<string, number> = {};
    for (let at = 0; at + 46 <= zip.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      modes[text(zip.subarray(at + 46, at + 46 + nameLength))] = view.getUint32(at + 38, true) >>> 16;
    }
    expect(modes).toEqual({ 'launch.py': 0o100755, 'a.py': 0o100644 });
  });

  it('is deterministic', () => {
    const plan = planCodeExport(example('pipeline'), 'python');
    if (!plan.ok) throw new Error('refused');
    expect(zipFiles(plan.files)).toEqual(zipFiles(plan.files));
  });

  it('refuses a topology with errors with the diagnostics the CLI prints', () => {
    const broken = structuredClone(example('load-balanced'));
    broken.edges[0] = { ...broken.edges[0], target: 'nowhere' };
    const plan = planCodeExport(broken, 'python');
    expect(plan.ok).toBe(false);
    expect(!plan.ok && plan.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  });

  it('names the zip after the topology and the language', () => {
    expect(zipNameFor({ name: 'Load-balanced request/reply' }, 'typescript')).toBe('load-balanced-request-reply-typescript.zip');
    expect(zipNameFor({ name: '  !!' }, 'python')).toBe('untitled-python.zip');
  });
});
