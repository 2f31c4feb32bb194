import { memo } from 'react';
import type { ReactNode } from 'react';

/**
 * The small Markdown the lessons use — headings, paragraphs, lists, fenced code, `code`, **bold**,
 * *emphasis*, [links](...) — rendered as React elements (never as HTML strings, so nothing in a
 * text can inject markup).
 */
function inline(text: string, key: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /(`[^`]+`|\*\*[^*]+\*\*|\*[^*]+\*|\[[^\]]+\]\([^)]+\))/g;
  let last = 0;
  let i = 0;
  for (const m of text.matchAll(pattern)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const t = m[0];
    const k = `${key}-${i++}`;
    if (t.startsWith('`')) out.push(<code key={k}>{t.slice(1, -1)}</code>);
    else if (t.startsWith('**')) out.push(<strong key={k}>{t.slice(2, -2)}</strong>);
    else if (t.startsWith('[')) {
      const label = t.slice(1, t.indexOf(']'));
      const href = t.slice(t.indexOf('(') + 1, -1);
      out.push(/^https?:\/\//.test(href) ? <a key={k} href={href} target="_blank" rel="noreferrer">{label}</a> : <span key={k}>{label}</span>);
    } else out.push(<em key={k}>{t.slice(1, -1)}</em>);
    last = m.index + t.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export const Markdown = memo(function Markdown({ text }: { text: string }) {
  const blocks: ReactNode[] = [];
  const lines = text.split('\n');
  let para: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (para.length > 0) blocks.push(<p key={`p${blocks.length}`}>{inline(para.join(' '), `p${blocks.length}`)}</p>);
    if (list.length > 0) blocks.push(<ul key={`u${blocks.length}`}>{list.map((item, i) => <li key={i}>{inline(item, `u${blocks.length}-${i}`)}</li>)}</ul>);
    para = [];
    list = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      while (++i < lines.length && !lines[i].startsWith('```')) code.push(lines[i]);
      blocks.push(<pre key={`c${blocks.length}`}><code>{code.join('\n')}</code></pre>);
    } else if (/^#{1,4} /.test(line)) {
      flush();
      const level = line.indexOf(' ');
      const body = inline(line.slice(level + 1), `h${blocks.length}`);
      blocks.push(level === 1 ? <h3 key={`h${blocks.length}`}>{body}</h3> : <h4 key={`h${blocks.length}`}>{body}</h4>);
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      if (para.length > 0) flush();
      list.push(line.replace(/^\s*([-*]|\d+\.) /, ''));
    } else if (line.trim() === '') flush();
    else if (list.length > 0 && /^\s+/.test(line)) list[list.length - 1] += ` ${line.trim()}`;
    else para.push(line.trim());
  }
  flush();
  return <div className="zs-md">{blocks}</div>;
});
