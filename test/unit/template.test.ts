import { expect, it } from 'vitest';
import { fillTemplate } from '../../shared/behaviors';

it('fills {i}, {msg}, {topic}, {node} and leaves unknown names as written', () => {
  expect(fillTemplate('msg {i}', { i: 3 })).toBe('msg 3');
  expect(fillTemplate('{msg} done by {node}', { msg: 'task 1', node: 'worker 2' })).toBe('task 1 done by worker 2');
  expect(fillTemplate('{topic}{i}{other}!', { topic: 'nl ', i: 0 })).toBe('nl 0{other}!');
  expect(fillTemplate('plain', { i: 1 })).toBe('plain');
  expect(fillTemplate('', {})).toBe('');
  expect(fillTemplate('{i}{i}', { i: 7 })).toBe('77');
});
