import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { reportXlsx } from './report-xlsx.js';

describe('reportXlsx', () => {
  it('writes labels that look like formulas as text, numbers as numbers, and no formula anywhere', async () => {
    const hostile = ['=HYPERLINK("https://evil.example","klik")', '+1+1', '-2+3', '@SUM(A1)'];
    const bytes = await reportXlsx(
      {
        header: ['=cmd|"/c calc"!A1', 'Hulpvragen'],
        body: [...hostile.map((label, i) => [label, i % 2 ? '<5' : 10 + i]), ['Totaal', 'x']],
        notes: ['Periode 2026-01-01 t/m 2026-12-31', '-x = verborgen'],
      },
      { language: 'ar', title: 'Hulpvragen: [per maand]' },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Hulpvragen   per maand ');
    expect(sheet.views[0]).toEqual(expect.objectContaining({ rightToLeft: true }));
    expect(sheet.getCell('A1').value).toBe('=cmd|"/c calc"!A1');
    hostile.forEach((label, i) => {
      expect(sheet.getCell(`A${i + 2}`).value).toBe(label);
      expect(sheet.getCell(`A${i + 2}`).type).toBe(ExcelJS.ValueType.String);
    });
    expect(sheet.getCell('B2').value).toBe(10);
    expect(sheet.getCell('B3').value).toBe('<5');
    expect(sheet.getCell('B6').value).toBe('x');
    expect(sheet.getCell('A9').value).toBe('-x = verborgen');
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(cell.formula).toBeFalsy();
      }),
    );
  });
});
