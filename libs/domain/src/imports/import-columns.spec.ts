import { headerProblems, isCalendarDate, mapRow, restoreNeutralised, templateRows } from './import-columns';

describe('headerProblems', () => {
  it('accepts the required columns in any order, optional ones left out', () => {
    expect(headerProblems('clients', ['name', 'stage', 'external_key'])).toEqual([]);
  });

  it('names a missing required column, an unknown one and a repeated one', () => {
    expect(headerProblems('clients', ['external_key', 'name', 'nmae', 'name'])).toEqual([
      'unknown column "nmae" (expected: external_key, name, industry, stage, status, account_manager_email)',
      'column name appears twice',
      'missing required column stage',
    ]);
  });
});

describe('mapRow', () => {
  it('types each cell: dates stay text, numbers become numbers, blank optional cells null', () => {
    const row = mapRow('engagements', 2, {
      external_key: ' EN-1 ',
      client_key: 'CL-1',
      executive_key: 'EX-1',
      function: 'CRO',
      start_date: '2026-01-05',
      planned_end_date: '',
      days_per_week: '2.5',
    });
    expect(row).toEqual({
      line: 2,
      externalKey: 'EN-1',
      values: {
        external_key: 'EN-1',
        client_key: 'CL-1',
        executive_key: 'EX-1',
        function: 'CRO',
        start_date: '2026-01-05',
        planned_end_date: null,
        days_per_week: 2.5,
      },
      errors: [],
    });
  });

  it('names the column and the rule of every bad cell', () => {
    const row = mapRow('milestones', 7, {
      external_key: 'MS-1',
      priority_key: '',
      title: 'Launch',
      due_date: '2026-02-30',
      status: 'finished',
      weight: '1.234',
    });
    expect(row.errors).toEqual([
      { column: 'priority_key', rule: 'required' },
      { column: 'due_date', rule: 'a date YYYY-MM-DD' },
      { column: 'status', rule: 'one of planned, in_progress, done, cancelled' },
      { column: 'weight', rule: 'a number with at most 2 decimal places' },
    ]);
  });

  it('checks rules between cells: a done milestone needs completed_at, and only a done one has it', () => {
    const base = { external_key: 'MS-1', priority_key: 'PR-1', title: 'Launch', due_date: '2026-03-31' };
    expect(mapRow('milestones', 2, { ...base, status: 'done' }).errors).toEqual([
      { column: 'completed_at', rule: 'required when status is done' },
    ]);
    expect(mapRow('milestones', 2, { ...base, completed_at: '2026-03-01T09:00:00Z' }).errors).toEqual([
      { column: 'completed_at', rule: 'only for status done' },
    ]);
    expect(
      mapRow('milestones', 2, { ...base, status: 'done', completed_at: '2026-03-01T09:00:00+02:00' }).values
        .completed_at,
    ).toBe('2026-03-01T07:00:00.000Z');
  });

  it('reads executive functions separated by |, ; or commas, upper-cased, each once, in CRO CMO CPO order', () => {
    const row = mapRow('executives', 2, {
      external_key: 'EX',
      name: 'N',
      email: 'N@Firm.Example',
      functions: 'cpo; CRO|cro',
    });
    expect(row.values).toMatchObject({ email: 'n@firm.example', functions: ['CRO', 'CPO'] });
    expect(mapRow('executives', 2, { external_key: 'EX', name: 'N', email: 'n@x.y', functions: 'CEO' }).errors).toEqual(
      [{ column: 'functions', rule: 'one or more of CRO, CMO, CPO separated by |' }],
    );
  });

  it('refuses an inverted engagement or priority', () => {
    expect(
      mapRow('priorities', 3, {
        external_key: 'PR',
        engagement_key: 'EN',
        owner_key: 'OW',
        title: 'T',
        start_date: '2026-06-01',
        target_date: '2026-05-01',
      }).errors,
    ).toEqual([{ column: 'target_date', rule: 'must not be before start_date' }]);
  });

  it('takes back the quote the export put before a formula-like cell', () => {
    const row = mapRow('clients', 2, { external_key: "'-CL-1", name: "'=Acme", stage: 'growth' });
    expect(row.values).toMatchObject({ external_key: '-CL-1', name: '=Acme' });
  });
});

describe('restoreNeutralised', () => {
  it('removes one leading quote only before =, +, -, @, tab or carriage return', () => {
    expect(restoreNeutralised("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(restoreNeutralised("'@x")).toBe('@x');
    expect(restoreNeutralised("'quoted'")).toBe("'quoted'");
    expect(restoreNeutralised('plain')).toBe('plain');
  });
});

describe('isCalendarDate', () => {
  it('accepts real dates only', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-05')).toBe(false);
  });
});

describe('templateRows', () => {
  it('is the header and an example row that maps without errors', () => {
    for (const type of ['clients', 'executives', 'engagements', 'owners', 'priorities', 'milestones'] as const) {
      const [header, example] = templateRows(type);
      const record = Object.fromEntries(header.map((h, i) => [h, example[i]]));
      expect({ type, problems: headerProblems(type, header), errors: mapRow(type, 2, record).errors }).toEqual({
        type,
        problems: [],
        errors: [],
      });
    }
  });
});
