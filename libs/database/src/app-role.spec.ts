import { appDatabaseUrl, appRolePassword } from './app-role';

describe('appDatabaseUrl', () => {
  it('is DATABASE_APP_URL when set, untouched', () => {
    expect(
      appDatabaseUrl({ ownerUrl: 'postgres://owner:pw@db:5432/app', appUrl: 'postgres://mine:secret@other:6432/app' }),
    ).toBe('postgres://mine:secret@other:6432/app');
    expect(
      appRolePassword({ ownerUrl: 'postgres://owner:pw@db:5432/app', appUrl: 'postgres://mine:secret@other:6432/app' }),
    ).toBeUndefined();
  });

  it("otherwise swaps in throughline_app with DATABASE_APP_PASSWORD, or the owner's password", () => {
    expect(
      appDatabaseUrl({ ownerUrl: 'postgres://owner:pw@db:5432/app?sslmode=require', appPassword: 'app secret/1' }),
    ).toBe('postgres://throughline_app:app%20secret%2F1@db:5432/app?sslmode=require');
    expect(appDatabaseUrl({ ownerUrl: 'postgres://postgres:postgres@127.0.0.1:5555/throughline' })).toBe(
      'postgres://throughline_app:postgres@127.0.0.1:5555/throughline',
    );
    expect(appRolePassword({ ownerUrl: 'postgres://owner:p%40ss@db/app' })).toBe('p@ss');
  });

  it('keeps no password when the owner has none (trust authentication, as in CI)', () => {
    expect(appDatabaseUrl({ ownerUrl: 'postgres://postgres@127.0.0.1:5432/throughline_test_x' })).toBe(
      'postgres://throughline_app@127.0.0.1:5432/throughline_test_x',
    );
    expect(appRolePassword({ ownerUrl: 'postgres://postgres@127.0.0.1:5432/throughline_test_x' })).toBeUndefined();
  });
});
