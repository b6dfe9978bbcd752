import express from 'express';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { ModelTranslator } from '../../../admin/cases/translator';

describe('the model translator', () => {
  let server: Server;
  const requests: { model: string; messages: { role: string; content: string }[] }[] = [];
  let answer = 'There is never enough rice [name]';
  beforeAll(async () => {
    const app = express();
    app.post('/v1/chat/completions', express.json(), (req, res) => {
      requests.push(req.body);
      res.json({ id: 'x', object: 'chat.completion', created: 0, model: req.body.model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: answer } }] });
    });
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const translator = () => new ModelTranslator({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, model: 'test-model' });

  it('sends the text as data with the source language, and returns the translation', async () => {
    expect(await translator().translate('ข้าวไม่พอ [name]', 'th')).toBe('There is never enough rice [name]');
    const [sent] = requests;
    expect(sent.model).toBe('test-model');
    expect(sent.messages[0]).toMatchObject({ role: 'system', content: expect.stringContaining('"th"') });
    expect(sent.messages[1]).toEqual({ role: 'user', content: 'ข้าวไม่พอ [name]' });
  });

  it('fails on an empty answer rather than showing an empty translation', async () => {
    answer = '   ';
    await expect(translator().translate('x', 'th')).rejects.toThrow(/no translation/);
  });
});
