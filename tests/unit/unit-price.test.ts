import { describe, expect, it } from 'vitest';
import { formatUnitPrice } from '../../src/lib/cost/format';

describe('formatUnitPrice', () => {
  it('keeps cents and every digit of the source', () => {
    expect(formatUnitPrice(0.2, 'en')).toBe('$0.20');
    expect(formatUnitPrice(0.0000166667, 'en')).toBe('$0.0000166667');
    expect(formatUnitPrice(3.5, 'zh')).toBe('$3.50');
    expect(formatUnitPrice(1234.5, 'en')).toBe('$1,234.50');
  });
});

describe('formatUnitPrice, very small and averaged rates', () => {
  it('writes a rate below a millionth without exponent', () => {
    expect(formatUnitPrice(0.0000000309, 'en')).toBe('$0.0000000309');
  });
  it('keeps at most twelve decimals', () => {
    expect(formatUnitPrice(1 / 3, 'en')).toBe('$0.333333333333');
  });
});
