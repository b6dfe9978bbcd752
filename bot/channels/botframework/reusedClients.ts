import { LRUCache } from 'lru-cache';
import {
  AuthenticationConstants,
  BotFrameworkAuthentication,
  ClaimsIdentity,
  ConnectorClient,
  ConnectorFactory,
  UserTokenClient,
} from 'botframework-connector';

// Service URLs come from activities: a bound keeps a flood of made-up ones (auth disabled in development) harmless.
const MAX_CLIENTS = 200;

/** The bot's app id as botframework-connector reads it: audience claim from a channel, appid from the emulator. */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/**
 * CloudAdapter builds a new ConnectorClient and UserTokenClient, each an HTTP pipeline of a dozen policies, for
 * every activity it receives: about 8% of a heard turn's CPU, and garbage for every turn. They keep no per-turn state
 * (credentials cache their own tokens), so this keeps one per app id, service URL and audience, as botbuilder's
 * older BotFrameworkAdapter did. A failed creation is not kept.
 */
export function reusingClients<T extends BotFrameworkAuthentication>(auth: T): T {
  const connectors = new LRUCache<string, Promise<ConnectorClient>>({ max: MAX_CLIENTS });
  const userTokens = new LRUCache<string, Promise<UserTokenClient>>({ max: MAX_CLIENTS });

  const reused = <C>(cache: LRUCache<string, Promise<C>>, key: string, create: () => Promise<C>): Promise<C> => {
    let client = cache.get(key);
    if (!client) {
      client = create();
      cache.set(key, client);
      client.catch(() => cache.delete(key));
    }
    return client;
  };
  const reusingFactory = (appId: string, factory: ConnectorFactory): ConnectorFactory => ({
    create: (serviceUrl, audience) =>
      reused(connectors, JSON.stringify([appId, serviceUrl, audience]), () => factory.create(serviceUrl, audience)),
  });

  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticate(activity, authHeader);
    const factory = result.connectorFactory;
    return factory ? { ...result, connectorFactory: reusingFactory(appIdOf(result.claimsIdentity), factory) } : result;
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => reusingFactory(appIdOf(identity), createConnectorFactory(identity));
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity) =>
    reused(userTokens, appIdOf(identity), () => createUserTokenClient(identity));
  return auth;
}
