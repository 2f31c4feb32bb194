/**
 * A plain-text table. `align` has one letter per column, `l` or `r`; by default the first column
 * is left-aligned and the others (numbers) right-aligned.
 */
export function table(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  align = `l${'r'.repeat(header.length - 1)}`,
): string[] {
  const indent = '  ';
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, c) => Math.max(...cells.map((row) => (row[c] ?? '').length)));
  return cells.map(
    (row) =>
      indent +
      row
        .map((cell, c) => (align[c] === 'r' ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
        .join('  ')
        .trimEnd(),
  );
}
