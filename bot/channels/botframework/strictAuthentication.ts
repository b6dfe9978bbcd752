import { StatusCodes } from 'botbuilder';
import { AuthenticationError, BotFrameworkAuthentication } from 'botframework-connector';

/**
 * botbuilder turns an AuthenticationError into 401 but a token its JWT library rejects (a forged signature) into
 * a 500 carrying the library's message. Any failure to authenticate a request is a 401 here.
 */
export function unauthorizedOnBadToken<T extends BotFrameworkAuthentication>(auth: T): T {
  const authenticate = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    try {
      return await authenticate(activity, authHeader);
    } catch (err) {
      if (err instanceof AuthenticationError) throw err;
      throw new AuthenticationError('Unauthorized: the token could not be validated', StatusCodes.UNAUTHORIZED);
    }
  };
  return auth;
}
