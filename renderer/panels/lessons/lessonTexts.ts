/** The lessons' Markdown (docs/lessons/<id>.md), bundled into the page by Vite at build time. */

// Vite turns this into a table of file -> text; the docs stay the one source for CLI and page.
const files = import.meta.glob<string>('../../../docs/lessons/*.md', { query: '?raw', import: 'default', eager: true });

/** The text of a lesson's doc (`docs/lessons/<id>.md`), or a line saying it is missing. */
export function lessonText(doc: string): string {
  const name = doc.split('/').pop() ?? doc;
  const hit = Object.entries(files).find(([path]) => path.endsWith(`/${name}`));
  return hit ? hit[1] : `*(the text of this lesson, ${doc}, is missing from this build)*`;
}
