import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { ClaimsIdentity } from 'botframework-connector';
import { Activity, ActivityTypes } from 'botframework-schema';
import { reusingClients } from '../../../../bot/channels/botframework/reusedClients';

const activity = (serviceUrl: string) =>
  ({ type: ActivityTypes.Message, channelId: 'telegram', serviceUrl, text: 'hi' }) as Activity;

describe('connector and user-token clients are reused across turns', () => {
  // No app id: authentication is disabled, as in development and the benchmark.
  const auth = () => reusingClients(new ConfigurationBotFrameworkAuthentication({}));

  it('one ConnectorClient per service URL, whichever turn asks', async () => {
    const a = auth();
    const clientFor = async (url: string) => {
      const result = await a.authenticateRequest(activity(url), '');
      return result.connectorFactory!.create(url, result.audience);
    };
    const first = await clientFor('https://telegram.example/');
    expect(await clientFor('https://telegram.example/')).toBe(first);
    const other = await clientFor('https://line.example/');
    expect(other).not.toBe(first);
  });

  it('proactive sends (createConnectorFactory) share them too', async () => {
    const a = auth();
    const result = await a.authenticateRequest(activity('https://sms.example/'), '');
    const inTurn = await result.connectorFactory!.create('https://sms.example/', result.audience);
    const proactive = await a.createConnectorFactory(result.claimsIdentity).create('https://sms.example/', result.audience);
    expect(proactive).toBe(inTurn);
  });

  it('one UserTokenClient per app id', async () => {
    const a = auth();
    const { claimsIdentity } = await a.authenticateRequest(activity('https://telegram.example/'), '');
    expect(await a.createUserTokenClient(claimsIdentity)).toBe(await a.createUserTokenClient(claimsIdentity));
  });

  it('a creation that failed is tried again next time', async () => {
    const create = jest
      .fn()
      .mockRejectedValueOnce(new Error('token endpoint down'))
      .mockResolvedValue({ baseUri: 'https://teams.example/' });
    const stubbed = Object.assign(new ConfigurationBotFrameworkAuthentication({}), {
      createConnectorFactory: () => ({ create }),
    });
    const factory = reusingClients(stubbed).createConnectorFactory(new ClaimsIdentity([]));
    await expect(factory.create('https://teams.example/')).rejects.toThrow('token endpoint down');
    await factory.create('https://teams.example/');
    await factory.create('https://teams.example/');
    expect(create).toHaveBeenCalledTimes(2);
  });
});
