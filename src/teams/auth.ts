import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import type { TeamsConfig } from '../config';
import { AppError } from '../core/errors';
import { processSecrets } from '../secrets/scrubber';
import { serviceUrlProblem } from './local-gate';

type Authentication = ConfigurationBotFrameworkAuthentication;
type AuthenticateResult = Awaited<ReturnType<Authentication['authenticateRequest']>>;
type ConnectorFactory = ReturnType<Authentication['createConnectorFactory']>;
export type ServiceClientCredentials = Awaited<
  ReturnType<ConfigurationServiceClientCredentialFactory['createCredentials']>
>;

/**
 * Where Bot Framework tokens come from and go to: the keys ConfigurationBotFrameworkAuthentication
 * reads. Production never sets them (botbuilder's public-cloud defaults apply); tests point the
 * inbound check at a loopback OpenID issuer with its own signing key. When given, give them all:
 * botbuilder then takes every one of them as meant.
 */
export interface BotFrameworkEndpoints {
  ToBotFromChannelOpenIdMetadataUrl: string;
  ToBotFromChannelTokenIssuer: string;
  ToBotFromEmulatorOpenIdMetadataUrl: string;
  ToChannelFromBotLoginUrl: string;
  ToChannelFromBotOAuthScope: string;
  OAuthUrl: string;
  ValidateAuthority: boolean;
  CallerId?: string;
}

/** Test seams of the Bot Framework authentication (createTeamsBot's `authentication`); production passes none. */
export interface BotAuthenticationOptions {
  endpoints?: BotFrameworkEndpoints;
  /**
   * Credentials for the bot's own calls to the Bot Connector. MSAL accepts only https token
   * authorities, so a loopback token service cannot stand in for Entra ID: tests inject these
   * instead, and what they prove is the inbound check, which stays botbuilder's own.
   */
  outboundCredentials?: (appId: string, audience: string) => ServiceClientCredentials;
}

/**
 * Bot Framework authentication from our config. `bot`: every activity's token is checked against
 * the app id (issuer, signature with a key of the issuer's JWKS, expiry, audience, serviceurl claim).
 * `emulator`: botbuilder turns authentication off (no app id); the HTTP shim then lets in only
 * requests from this machine (local-gate.ts), and every Bot Connector client refuses a serviceUrl
 * that is not loopback, which covers proactive posts to references stored earlier.
 */
export function createBotAuthentication(config: TeamsConfig, options: BotAuthenticationOptions = {}): Authentication {
  const settings =
    config.mode === 'bot'
      ? {
          MicrosoftAppId: config.appId,
          MicrosoftAppPassword: config.appPassword ?? '',
          MicrosoftAppType: config.appType,
          MicrosoftAppTenantId: config.tenantId ?? '',
        }
      : { MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '', MicrosoftAppTenantId: '' };
  const credentials = new RegisteredOutboundCredentials(settings, options.outboundCredentials);
  const auth = new ConfigurationBotFrameworkAuthentication({ ...settings, ...options.endpoints }, credentials);

  const guard = (factory: ConnectorFactory) => (config.mode === 'emulator' ? loopbackOnly(factory) : factory);
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => {
    const factory = guard(createConnectorFactory(identity));
    const create = factory.create.bind(factory);
    factory.create = async (serviceUrl, audience) => withoutRetries(await create(serviceUrl, audience));
    return factory;
  };

  // The HTTP shim checks a request's token before the adapter runs (so that every refusal is a 401:
  // botbuilder answers 500 when jsonwebtoken rejects a signature or an algorithm); the adapter then
  // asks again for the same activity object and gets that same result instead of a second check.
  const authenticateRequest = auth.authenticateRequest.bind(auth);
  const checked = new WeakMap<object, Promise<AuthenticateResult>>();
  auth.authenticateRequest = (activity, authHeader) => {
    const known = checked.get(activity);
    checked.delete(activity);
    const result = known ?? authenticateRequest(activity, authHeader);
    if (!known) checked.set(activity, result);
    return result.then((r) => ({ ...r, connectorFactory: r.connectorFactory && guard(r.connectorFactory) }));
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

/** `Authorization: Bearer <something>`; anything else is turned away before botbuilder sees it. */
export function hasBearerToken(header: string | string[] | undefined): boolean {
  return typeof header === 'string' && /^Bearer\s+\S+$/i.test(header.trim());
}

/** The Emulator mode's connector clients: only to loopback serviceUrls, whatever a stored reference says. */
function loopbackOnly(factory: ConnectorFactory): ConnectorFactory {
  const create = factory.create.bind(factory);
  factory.create = async (serviceUrl, audience) => {
    const problem = serviceUrlProblem(serviceUrl);
    if (problem) {
      throw new AppError('forbidden', `the Teams Emulator mode (TEAMS_EMULATOR=1) posts only to loopback: ${problem}`);
    }
    return create(serviceUrl, audience);
  };
  return factory;
}

/**
 * botbuilder's credential factory (app id checks included), optionally with the outbound credentials
 * injected, whose every Bot Framework token is registered with the log scrubber as it is used: a
 * token the process holds is blanked in every line, not only when it looks like one.
 */
class RegisteredOutboundCredentials extends ConfigurationServiceClientCredentialFactory {
  constructor(
    settings: ConstructorParameters<typeof ConfigurationServiceClientCredentialFactory>[0],
    private readonly outbound?: BotAuthenticationOptions['outboundCredentials'],
  ) {
    super(settings);
  }

  override async createCredentials(
    appId: string,
    audience: string,
    loginEndpoint: string,
    validateAuthority: boolean,
  ): Promise<ServiceClientCredentials> {
    if (!this.outbound || (await this.isAuthenticationDisabled())) {
      return registeringTokens(await super.createCredentials(appId, audience, loginEndpoint, validateAuthority));
    }
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    return registeringTokens(this.outbound(appId, audience));
  }
}

const registering = new WeakSet<ServiceClientCredentials>();

/**
 * The credentials, with the bearer token of each request they sign registered with the log scrubber.
 * Once per object: botbuilder hands out the same credentials again (a cached or a shared empty one),
 * and wrapping them at each call would nest a wrapper per request.
 */
export function registeringTokens(credentials: ServiceClientCredentials): ServiceClientCredentials {
  if (registering.has(credentials)) return credentials;
  registering.add(credentials);
  const sign = credentials.signRequest.bind(credentials);
  credentials.signRequest = async (request) => {
    const signed = await sign(request);
    const authorization = signed.headers.get('authorization');
    processSecrets.add(/^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1], 'token');
    return signed;
  };
  return credentials;
}
