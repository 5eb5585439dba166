import { ArgumentsHost, HttpException, Logger } from '@nestjs/common';
import { Conflict, FieldNotAllowed, NotFound, RoleForbidden, RuleViolation } from '@app/domain';
import { ErrorFilter } from './error.filter';
import { RequestValidationFailed } from './validation';

function run(exception: unknown) {
  const sent: { status?: number; body?: Record<string, unknown>; headers: Record<string, string> } = { headers: {} };
  const reply = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: Record<string, unknown>) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({ getRequest: () => ({ id: 'req-1', method: 'GET', url: '/x' }), getResponse: () => reply }),
  } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return sent;
}

describe('ErrorFilter', () => {
  let logged: jest.SpyInstance;
  beforeEach(() => {
    logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => logged.mockRestore());

  it('answers 503 with a JSON body and Retry-After when PostgreSQL cannot be reached, 500 otherwise', () => {
    const unavailable = [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
        severity: 'FATAL',
      }),
      Object.assign(new Error('the database system is starting up'), { code: '57P03', severity: 'FATAL' }),
      new Error('Connection terminated unexpectedly'),
      new Error('timeout exceeded when trying to connect'),
      // TypeORM's QueryFailedError keeps the driver's error.
      Object.assign(new Error('Query failed'), {
        driverError: Object.assign(new Error('shutting down'), { code: '57P01' }),
      }),
      Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), {
        name: 'QueryRunnerAlreadyReleasedError',
      }),
      Object.assign(new Error('Database connection provided by a query runner was already released'), {
        name: 'QueryRunnerProviderAlreadyReleasedError',
      }),
    ];
    for (const exception of unavailable) {
      expect(run(exception)).toMatchObject({
        status: 503,
        body: { code: 'SERVICE.UNAVAILABLE' },
        headers: { 'retry-after': '5' },
      });
    }
    expect(run(new Error('something else'))).toMatchObject({ status: 500, body: { code: 'INTERNAL' } });
  });

  it('maps domain error kinds to statuses with their code', () => {
    expect(run(new NotFound('Milestone', 'm1'))).toMatchObject({ status: 404, body: { code: 'MILESTONE.NOT_FOUND' } });
    expect(run(new RoleForbidden('create clients'))).toMatchObject({
      status: 403,
      body: { code: 'ACCESS.ROLE_FORBIDDEN' },
    });
    expect(run(new Conflict('MILESTONE.ALREADY_DONE', 'done'))).toMatchObject({ status: 409 });
    expect(run(new RuleViolation('PRIORITY.FOCUS_CAP_EXCEEDED', 'cap', { focusCap: 5 }))).toMatchObject({
      status: 422,
      body: { details: { focusCap: 5 } },
    });
    expect(logged).not.toHaveBeenCalled();
  });

  it('names each invalid field', () => {
    const sent = run(new RequestValidationFailed([{ field: 'dueDate', problems: ['dueDate must be a real date'] }]));
    expect(sent).toMatchObject({
      status: 400,
      body: { code: 'VALIDATION_FAILED', errors: [{ field: 'dueDate', problems: ['dueDate must be a real date'] }] },
    });
    expect(sent.body).not.toHaveProperty('details');
  });

  it('answers a filter the role may not use (FieldNotAllowed) like invalid input: 400 naming the field', () => {
    expect(run(new FieldNotAllowed('accountManagerId', 'client viewers cannot filter by it'))).toMatchObject({
      status: 400,
      body: {
        code: 'VALIDATION_FAILED',
        errors: [{ field: 'accountManagerId', problems: ['client viewers cannot filter by it'] }],
      },
    });
  });

  it('lists the first 20 fields of a long validation failure and counts the others in details', () => {
    const fields = Array.from({ length: 25 }, (_, i) => ({
      field: `f${i}`,
      problems: [`property f${i} should not exist`],
    }));
    const sent = run(new RequestValidationFailed(fields));
    expect(sent.body?.errors).toHaveLength(20);
    expect(sent.body?.details).toEqual({ omittedErrors: 5 });
  });

  it('gives body-size and JSON errors their own codes', () => {
    expect(run(new HttpException('Request body is too large', 413))).toMatchObject({
      status: 413,
      body: { code: 'REQUEST.BODY_TOO_LARGE' },
    });
    expect(
      run(new HttpException("Body is not valid JSON but content-type is set to 'application/json'", 400)),
    ).toMatchObject({ body: { code: 'REQUEST.MALFORMED_JSON' } });
  });

  it('answers unexpected errors with 500, a correlation id and no stack, and logs them once', () => {
    const sent = run(new TypeError('cannot read properties of undefined (secret detail)'));
    expect(sent.status).toBe(500);
    expect(sent.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL',
      message: 'Internal server error',
      correlationId: 'req-1',
    });
    expect(sent.headers['x-request-id']).toBe('req-1');
    expect(JSON.stringify(sent.body)).not.toMatch(/secret detail|at .*\.ts/);
    expect(logged).toHaveBeenCalledTimes(1);
  });

  it('maps a unique violation from PostgreSQL to 409', () => {
    const pgError = Object.assign(new Error('duplicate key'), { code: '23505', driverError: {} });
    expect(run(pgError)).toMatchObject({ status: 409, body: { code: 'CONFLICT.DUPLICATE' } });
  });
});
