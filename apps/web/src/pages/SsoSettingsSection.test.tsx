import { describe, expect, it } from 'vitest';
import { domainsOf } from './SsoSettingsSection';

describe('domainsOf', () => {
  it('splits on commas, semicolons and white space, and drops a leading @', () => {
    expect(domainsOf('acme.com, @partner.com\nother.org;  last.io')).toEqual([
      'acme.com',
      'partner.com',
      'other.org',
      'last.io',
    ]);
  });
  it('is empty for blank input', () => {
    expect(domainsOf(' , \n')).toEqual([]);
  });
});
