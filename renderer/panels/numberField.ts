/** The whole number typed in a small form field when it lies in [min, max]; otherwise undefined. */
export function wholeNumberIn(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}
