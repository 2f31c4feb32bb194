import { expect, it } from 'vitest';
import { faultText } from '../../renderer/canvas/faultText';

it('words a fault as the canvas badge shows it', () => {
  expect(faultText({ dropEvery: 3 })).toBe('✂ 1/3');
  expect(faultText({ delayMs: 200 })).toBe('⏱ 200 ms');
  expect(faultText({ suspended: true, dropEvery: 2, delayMs: 0 })).toBe('⏸ suspended ✂ 1/2');
});
