/** Behaviours split their payload template once per run: the text must be what fillTemplate makes. */
import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../../shared/behaviors';
import { compileTemplate } from '../../main/behaviors/template';

describe('compileTemplate', () => {
  it('makes the same text as fillTemplate for every placeholder mix', () => {
    const templates = ['msg {i}', '{msg} done by {node}', '{topic}{i}{other}!', 'plain', '', '{i}{i}', '{node}:{msg}:{i}:{topic}', 'x{i}y{msg}z'];
    const values = [
      { i: 0, msg: 'task 1', topic: 'nl ' },
      { i: 41, msg: '', topic: '' },
    ];
    for (const template of templates) {
      for (const v of values) {
        const all = compileTemplate(template, 'worker 2', ['i', 'msg', 'topic']);
        expect(all(v)).toBe(fillTemplate(template, { ...v, node: 'worker 2' }));
        // A behaviour that fills only {i} leaves {msg} and {topic} as written, like fillTemplate without them.
        const onlyI = compileTemplate(template, 'worker 2', ['i']);
        expect(onlyI({ i: v.i })).toBe(fillTemplate(template, { i: v.i, node: 'worker 2' }));
      }
    }
  });

  it('fills {node} once and never reads a placeholder inside it', () => {
    const render = compileTemplate('{node} sends {i}', 'a {i} b', ['i']);
    expect(render({ i: 3 })).toBe('a {i} b sends 3');
    expect(render({ i: 3 })).toBe(fillTemplate('{node} sends {i}', { i: 3, node: 'a {i} b' }));
  });
});
