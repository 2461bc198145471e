import type { SsoSettings } from '../core/people';
import { type CheckResult, fail, pass, warn } from './check-result';

/**
 * Mail domains anyone can sign up for. Naming one in MEET_SSO_DOMAINS treats every outsider with
 * such an address as signing in with that provider, which is rarely what a company means.
 */
const publicMailDomains = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  'mail.com',
  'yandex.ru',
  'qq.com',
]);

const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * How colleagues sign in to the Meets they are invited to from Slack and the CLI
 * (MEET_SSO_PROVIDER, MEET_SSO_DOMAINS). `rawDomains` is the variable as set: config keeps one
 * provider per domain, so a domain named twice is only visible there.
 */
export function checkSso(sso: SsoSettings, rawDomains: string | undefined): CheckResult[] {
  const pairs = (rawDomains ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [domain = '', provider = ''] = part.split('=');
      return { domain: domain.trim().toLowerCase(), provider: provider.trim().toLowerCase() };
    });
  if (!sso.defaultProvider && pairs.length === 0) {
    return [
      warn(
        'sso',
        'MEET_SSO_PROVIDER and MEET_SSO_DOMAINS are unset: colleagues invited from Slack or the CLI get a passcode instead of signing in with their company account (Teams users always sign in with Microsoft)',
        "set MEET_SSO_PROVIDER=google or microsoft (your company's accounts), or MEET_SSO_DOMAINS=acme.com=microsoft,acme.io=google",
      ),
    ];
  }
  const results: CheckResult[] = [];
  const seen = new Map<string, string>();
  for (const { domain, provider } of pairs) {
    const before = seen.get(domain);
    if (before !== undefined && before !== provider) {
      results.push(
        fail(
          'sso.domains',
          `${domain} is named twice in MEET_SSO_DOMAINS, as ${before} and as ${provider}: meetbot uses the last (${provider})`,
          `keep one ${domain}=PROVIDER pair`,
        ),
      );
    } else if (before !== undefined) {
      results.push(warn('sso.domains', `${domain} is named twice in MEET_SSO_DOMAINS`, 'remove the repetition'));
    }
    seen.set(domain, provider);
    if (!domain.split('.').every((part) => label.test(part))) {
      results.push(
        warn(
          'sso.domains',
          `"${domain}" does not look like a mail domain: no address will match it`,
          'write it as acme.com',
        ),
      );
    }
    if (publicMailDomains.has(domain)) {
      results.push(
        warn(
          'sso.domains',
          `${domain} is a public mail domain: every outsider with a ${domain} address will be asked to sign in with ${provider}`,
          `remove ${domain} from MEET_SSO_DOMAINS unless your company's own accounts are ${domain} addresses`,
        ),
      );
    }
  }
  if (results.some((r) => r.status !== 'pass')) return results;
  const domains = [...seen].map(([domain, provider]) => `${domain} with ${provider}`);
  const fallback = sso.defaultProvider ? `others with ${sso.defaultProvider}` : 'others with a passcode';
  return [pass('sso', `colleagues sign in: ${[...domains, fallback].join(', ')}`)];
}
