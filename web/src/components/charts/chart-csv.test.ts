import { describe, expect, it } from 'vitest';
import { chartTableToCsv, safeFileName } from './chart-csv.ts';

describe('chartTableToCsv', () => {
  it('writes a BOM, CRLF lines and quotes only what needs quoting', () => {
    const csv = chartTableToCsv({
      header: ['กลุ่ม', 'customers'],
      rows: [
        ['Champions', 120],
        ['Can\'t lose them, "VIP"', 3],
        ['line\nbreak', null],
      ],
    });
    expect(csv).toBe('\uFEFFกลุ่ม,customers\r\nChampions,120\r\n"Can\'t lose them, ""VIP""",3\r\n"line\nbreak",\r\n');
  });
});

describe('safeFileName', () => {
  it('replaces separators and spaces, keeps Thai', () => {
    expect(safeFileName('RFM / segments 2026')).toBe('RFM-segments-2026');
    expect(safeFileName('กลุ่มลูกค้า')).toBe('กลุ่มลูกค้า');
    expect(safeFileName(' / ')).toBe('chart');
  });
});
