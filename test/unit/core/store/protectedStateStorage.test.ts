import { MemoryStateStorage } from '../../../../core/store/memory/memoryStateStorage';
import { ProtectedStateStorage } from '../../../../core/store/protectedStateStorage';
import { SecretKeys } from '../../../../core/privacy/secretKeys';
import { TextSealer } from '../../../../core/privacy/textSealer';

const keys = new SecretKeys('protected-state-secret-0123456789abcdef');
const sealer = new TextSealer(keys);
const hashKey = (k: string) => keys.hash('state-key', k);

/** Dialog state much like a prompt waiting at the menu: field names and texts repeat. */
const dialogState = {
  dialogState: {
    dialogStack: [
      {
        id: 'mainMenuDialog.pick',
        state: {
          options: {
            prompt: 'What would you like to do?',
            retryPrompt: 'Sorry, I did not understand. Tap a button, or type its number.',
            validations: {
              text: 'What would you like to do?',
              options: ['rights', 'views', 'complaint', 'help', 'check'].map((value) => ({
                value,
                title: `Choose ${value}`,
              })),
              retryText: 'Sorry, I did not understand. Tap a button, or type its number.',
            },
          },
        },
      },
    ],
  },
};

function setup() {
  const inner = new MemoryStateStorage(60_000);
  return { inner, storage: new ProtectedStateStorage(inner, hashKey, sealer) };
}

describe('ProtectedStateStorage', () => {
  it('reads back what it wrote, with the eTag of the store', async () => {
    const { storage } = setup();
    await storage.write({ 'telegram/conversations/c1': { ...dialogState, eTag: '*' } });
    const read = await storage.read(['telegram/conversations/c1']);
    expect(read['telegram/conversations/c1']).toMatchObject(dialogState);
    expect(read['telegram/conversations/c1'].eTag).toEqual(expect.any(String));
  });

  it('stores state compressed and sealed: smaller than its JSON, and with no readable text', async () => {
    const { inner, storage } = setup();
    await storage.write({ 'telegram/conversations/c1': dialogState });
    const stored = await inner.read([`state:${hashKey('telegram/conversations/c1')}`]);
    const raw = JSON.stringify(Object.values(stored)[0]);
    expect(raw).not.toContain('What would you like');
    expect(raw.length).toBeLessThan(JSON.stringify(dialogState).length);
  });

  it('still reads state sealed before compression was introduced', async () => {
    const { inner, storage } = setup();
    const storedKey = `state:${hashKey('telegram/users/u1')}`;
    const profile = { profile: { language: 'th', onboarded: true } };
    await inner.write({ [storedKey]: { sealed: sealer.seal(JSON.stringify(profile), storedKey) } });
    expect((await storage.read(['telegram/users/u1']))['telegram/users/u1']).toMatchObject(profile);
  });

  it('refuses a value moved to another key', async () => {
    const { inner, storage } = setup();
    await storage.write({ 'telegram/users/u1': { profile: { language: 'en' } } });
    const from = await inner.read([`state:${hashKey('telegram/users/u1')}`]);
    await inner.write({
      [`state:${hashKey('telegram/users/u2')}`]: { ...Object.values(from)[0], eTag: '*' },
    });
    await expect(storage.read(['telegram/users/u2'])).rejects.toThrow();
  });

  describe('remembers what it wrote, and nothing else', () => {
    const key = 'telegram/conversations/c1';

    it('reads its own last write back without decrypting it', async () => {
      const { storage } = setup();
      await storage.write({ [key]: { ...dialogState, eTag: '*' } });
      const opened = jest.spyOn(sealer, 'openBytes');
      try {
        expect((await storage.read([key]))[key]).toMatchObject(dialogState);
        expect(opened).not.toHaveBeenCalled();
      } finally {
        opened.mockRestore();
      }
    });

    it('reads what another instance wrote over it since, not what it remembers', async () => {
      const { inner, storage: mine } = setup();
      const theirs = new ProtectedStateStorage(inner, hashKey, sealer);
      await mine.write({ [key]: { step: 1, eTag: '*' } });
      await theirs.write({ [key]: { step: 2, eTag: '*' } });
      expect((await mine.read([key]))[key]).toMatchObject({ step: 2 });
      expect((await theirs.read([key]))[key]).toMatchObject({ step: 2 });
    });

    it('gives a fresh object on every read: a turn changing its state changes nothing stored', async () => {
      const { storage } = setup();
      await storage.write({ [key]: { profile: { language: 'km' }, eTag: '*' } });
      const first = await storage.read([key]);
      (first[key].profile as { language: string }).language = 'en';
      expect((await storage.read([key]))[key]).toMatchObject({ profile: { language: 'km' } });
    });

    it('forgets a deleted key', async () => {
      const { storage } = setup();
      await storage.write({ [key]: { step: 1, eTag: '*' } });
      await storage.delete([key]);
      expect(await storage.read([key])).toEqual({});
    });
  });
});
