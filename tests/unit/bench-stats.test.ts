import { describe, expect, it } from 'vitest';
import { formatBytes, formatNumber, formatSeconds, median, perThousand } from '../../scripts/bench/stats';
import { displayWidth, formatTable } from '../../scripts/bench/table';

describe('bench: stats', () => {
  it('takes the median of odd and even counts, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(() => median([])).toThrow();
  });

  it('scales to 1,000 pages', () => {
    expect(perThousand(500, 250)).toBe(2000);
    expect(perThousand(5, 0)).toBe(0);
  });

  it('formats bytes, seconds and numbers', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(3 * 1024 ** 3)).toBe('3.0 GiB');
    expect(formatSeconds(3250)).toBe('3.25 s');
    expect(formatSeconds(125_000)).toBe('2 min 05 s');
    expect(formatNumber(12345.678, 1)).toBe('12,345.7');
    expect(formatNumber(10000)).toBe('10,000');
  });
});

describe('bench: table', () => {
  it('pads columns and aligns numbers right, as a Markdown table', () => {
    const table = formatTable(
      [{ header: 'N', align: 'right' }, { header: 'name' }],
      [
        ['100', 'small'],
        ['10,000', 'large'],
      ],
    );
    expect(table.split('\n')).toEqual([
      '|      N | name  |',
      '| -----: | ----- |',
      '|    100 | small |',
      '| 10,000 | large |',
    ]);
  });

  it('counts Chinese characters as two columns', () => {
    expect(displayWidth('无服务器')).toBe(8);
    expect(displayWidth('abc')).toBe(3);
    const [header, , row] = formatTable([{ header: 'x' }], [['容器']]).split('\n');
    expect(displayWidth(header!)).toBe(displayWidth(row!));
  });
});
