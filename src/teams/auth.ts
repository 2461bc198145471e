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
  const auth = new ConfigurationBotFrameworkAuthentication(
    settings,
    new ConfigurationServiceClientCredentialFactory(settings),
  );
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => {
    const factory = createConnectorFactory(identity);
    const create = factory.create.bind(factory);
    factory.create = async (serviceUrl, audience) => withoutRetries(await create(serviceUrl, audience));
    return factory;
  };
  return auth;
}

/**
 * The Bot Connector client's pipeline retries a POST by itself (429 after Retry-After, 5xx and
 * dropped connections with backoff): a post the connector did take would then appear twice (a
 * digest, a Meet card). We post once and report the failure; callers decide (the digest scheduler
 * waits `retryAfterMs`).
 */
export function withoutRetries<T>(client: T): T {
  const pipeline = (client as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }).client
    ?.pipeline;
  pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return client;
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
