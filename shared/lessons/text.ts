/**
 * A lesson's Markdown (docs/lessons/<id>.md) has two parts: what a student reads before the run,
 * and, from the heading `## After the run`, what explains it — shown only once they predicted
 * and ran, so the text never gives the answer away. Pure.
 */

export const AFTER_THE_RUN = '## After the run';

export function splitLessonText(markdown: string): { before: string; after: string } {
  const at = markdown.search(/^## After the run\s*$/m);
  if (at < 0) return { before: markdown.trimEnd(), after: '' };
  return { before: markdown.slice(0, at).trimEnd(), after: markdown.slice(at).trimEnd() };
}
