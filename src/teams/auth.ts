import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { Config } from '../config';

export type TeamsConfig = Config['teams'];

/**
 * Bot Framework authentication from our config. Without an app id botbuilder turns authentication
 * off entirely (the Emulator's mode): the HTTP shim then serves loopback callers only.
 */
export function createBotAuthentication(config: TeamsConfig): ConfigurationBotFrameworkAuthentication {
  const settings = {
    MicrosoftAppId: config.appId ?? '',
    MicrosoftAppPassword: config.appPassword ?? '',
    MicrosoftAppType: config.appId ? config.appType : '',
    MicrosoftAppTenantId: config.tenantId ?? '',
  };
  return new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
}

/** 127.0.0.0/8, ::1 and IPv4-mapped loopback: the only callers served without an app id. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  if (address === '::1') return true;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** `Authorization: Bearer <something>`; anything else is turned away before botbuilder sees it. */
export function hasBearerToken(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && /^Bearer\s+\S+$/i.test(header.trim());
}
