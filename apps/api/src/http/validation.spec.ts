import { MAX_ARRAY_ITEMS, MAX_INPUT_DEPTH, MAX_LISTED_PROBLEMS, MAX_PROPERTIES_PER_OBJECT } from './input-limits';
import { findNulCharacters, inputShapeProblem } from './input-shape';
import { flattenValidationErrors, RequestValidationFailed } from './validation';

describe('input guards', () => {
  const nest = (depth: number) => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it('measures nesting iteratively, even 100,000 levels deep', () => {
    expect(inputShapeProblem(nest(MAX_INPUT_DEPTH))).toBeNull();
    expect(inputShapeProblem(nest(MAX_INPUT_DEPTH + 1))?.problems[0]).toMatch(/deeper than 32 levels/);
    expect(inputShapeProblem(nest(100_000))?.field).toBe('body');
    expect(inputShapeProblem('flat')).toBeNull();
  });

  it('counts the properties of each object and the items of each array before anything looks inside them', () => {
    const wide = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]));
    expect(inputShapeProblem(wide(MAX_PROPERTIES_PER_OBJECT))).toBeNull();
    expect(inputShapeProblem(wide(60_000))).toEqual({
      field: 'body',
      problems: [`body has more than ${MAX_PROPERTIES_PER_OBJECT} properties; no request has that many`],
    });
    expect(inputShapeProblem({ a: { b: wide(MAX_PROPERTIES_PER_OBJECT + 1) } }, 'query')?.field).toBe('a.b');
    expect(inputShapeProblem(wide(MAX_PROPERTIES_PER_OBJECT + 1), 'query')?.field).toBe('query');
    expect(inputShapeProblem({ ids: new Array(MAX_ARRAY_ITEMS).fill('x') })).toBeNull();
    expect(inputShapeProblem({ ids: ['a', new Array(MAX_ARRAY_ITEMS + 1).fill({})] })).toEqual({
      field: 'ids[1]',
      problems: ['ids[1] has more than 1,000 items; no request has that many'],
    });
  });

  it('names fields holding NUL or an unpaired surrogate, and lets well-formed text through', () => {
    expect(findNulCharacters({ title: 'Launch 🦄', note: 'שלום\u200B' })).toEqual([]);
    expect(findNulCharacters({ title: 'a\uDC00b' }).map((p) => p.field)).toEqual(['title']);
    expect(findNulCharacters({ list: ['ok', '\uD83D'] }).map((p) => p.field)).toEqual(['list[1]']);
    expect(findNulCharacters({ name: 'a\u0000b' })[0].problems[0]).toMatch(/NUL/);
    expect(findNulCharacters({ ['k\uD800']: 1 })[0].problems[0]).toMatch(/property names/);
  });
});

describe('RequestValidationFailed', () => {
  it(`lists the first ${MAX_LISTED_PROBLEMS} fields, cuts long names and texts, and counts the rest`, () => {
    const long = 'x'.repeat(10_000);
    const fields = Array.from({ length: 50 }, (_, i) => ({
      field: `${long}${i}`,
      problems: [`property ${long}${i} should not exist`],
    }));
    const failed = new RequestValidationFailed(fields);
    expect(failed.fields).toHaveLength(MAX_LISTED_PROBLEMS);
    expect(failed.omitted).toBe(30);
    expect(failed.fields[0].field).toBe(`${'x'.repeat(100)}…`);
    expect(failed.fields[0].problems[0]).toBe(`property ${'x'.repeat(191)}…`);
    expect(failed.message).toMatch(/ and 30 more$/);
    expect(failed.message.length).toBeLessThan(MAX_LISTED_PROBLEMS * 320);
  });

  it('keeps a short list as it is', () => {
    const failed = new RequestValidationFailed([{ field: 'email', problems: ['email must be an email'] }]);
    expect(failed).toMatchObject({ fields: [{ field: 'email', problems: ['email must be an email'] }], omitted: 0 });
    expect(failed.message).toBe('Invalid request: email (email must be an email)');
  });

  it('names nested array items by index: priorities[1].milestones[0].dueDate', () => {
    const errors = [
      {
        property: 'priorities',
        children: [
          {
            property: '1',
            children: [
              {
                property: 'milestones',
                children: [
                  {
                    property: '0',
                    children: [{ property: 'dueDate', constraints: { isCalendarDate: 'dueDate must be a real date' } }],
                  },
                ],
              },
            ],
          },
        ],
      },
      { property: 'client', children: [{ property: 'name', constraints: { isString: 'name must be a string' } }] },
    ];
    expect(flattenValidationErrors(errors).map((e) => e.field)).toEqual([
      'priorities[1].milestones[0].dueDate',
      'client.name',
    ]);
  });
});
