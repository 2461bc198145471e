import { checkSso } from '../../src/doctor/check-sso';
import { runDoctor } from '../../src/doctor/run-doctor';

describe('doctor: single sign-on settings', () => {
  test('neither MEET_SSO_PROVIDER nor MEET_SSO_DOMAINS: a warning that colleagues get passcodes', () => {
    const [result] = checkSso({ domains: {} }, undefined);
    expect(result.status).toBe('warn');
    expect(result.message).toContain('get a passcode');
    expect(result.fix).toContain('MEET_SSO_PROVIDER=google or microsoft');
  });

  test('sensible settings pass and say who signs in how', () => {
    expect(
      checkSso(
        { defaultProvider: 'google', domains: { 'acme.com': 'microsoft', 'acme.io': 'google' } },
        'acme.com=microsoft, acme.io=google',
      ),
    ).toEqual([
      {
        name: 'sso',
        status: 'pass',
        message: 'colleagues sign in: acme.com with microsoft, acme.io with google, others with google',
      },
    ]);
    expect(checkSso({ defaultProvider: 'microsoft', domains: {} }, undefined)[0]).toMatchObject({
      status: 'pass',
      message: 'colleagues sign in: others with microsoft',
    });
  });

  test('a domain named twice with different providers fails (the server silently keeps the last)', async () => {
    const results = await runDoctor({
      env: { DATABASE_URL: 'sqlite::memory:', MEET_SSO_DOMAINS: 'acme.com=microsoft,ACME.com=google' },
    });
    expect(results.filter((r) => r.name.startsWith('sso'))).toEqual([
      {
        name: 'sso.domains',
        status: 'fail',
        message:
          'acme.com is named twice in MEET_SSO_DOMAINS, as microsoft and as google: meetbot uses the last (google)',
        fix: 'keep one acme.com=PROVIDER pair',
      },
    ]);
  });

  test('a public mail domain and a malformed domain are warnings', () => {
    const results = checkSso(
      { domains: { 'gmail.com': 'microsoft', '-acme.com': 'google' } },
      'gmail.com=microsoft,-acme.com=google',
    );
    expect(results).toEqual([
      {
        name: 'sso.domains',
        status: 'warn',
        message:
          'gmail.com is a public mail domain: every outsider with a gmail.com address will be asked to sign in with microsoft',
        fix: "remove gmail.com from MEET_SSO_DOMAINS unless your company's own accounts are gmail.com addresses",
      },
      {
        name: 'sso.domains',
        status: 'warn',
        message: '"-acme.com" does not look like a mail domain: no address will match it',
        fix: 'write it as acme.com',
      },
    ]);
  });
});
