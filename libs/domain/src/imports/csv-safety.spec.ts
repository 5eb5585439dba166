import { exportCell, neutraliseFormula } from './csv-safety';
import { restoreNeutralised } from './import-columns';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', '\'=HYPERLINK("http://evil.example","x")'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
  ])('prefixes a quote to %j', (cell, safe) => {
    expect(neutraliseFormula(cell)).toBe(safe);
    expect(restoreNeutralised(safe)).toBe(cell);
  });

  it('leaves everything else as it is', () => {
    for (const cell of ['Acme', ' =not first', "'already", '2026-03-31', '', 'a=b'])
      expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe('exportCell', () => {
  it('writes null as empty, numbers as they are (a negative number is a number, not a formula), lists joined by |', () => {
    expect(exportCell(null)).toBe('');
    expect(exportCell(undefined)).toBe('');
    expect(exportCell(-1.5)).toBe('-1.5');
    expect(exportCell(['CRO', 'CMO'])).toBe('CRO|CMO');
    expect(exportCell(new Date('2026-03-01T09:00:00Z'))).toBe('2026-03-01T09:00:00.000Z');
    expect(exportCell('-20% churn')).toBe("'-20% churn");
  });
});
