import type { AppConfig } from '@app/config';
import { S3DocumentStore } from './s3-document.store';

/**
 * The Signature V4 signer against AWS's worked examples ("Signature Calculations for the Authorization Header",
 * Amazon S3 API reference): s3rver, which the integration test runs the store against, does not check V4 signatures.
 */
describe('S3DocumentStore signing', () => {
  const store = new S3DocumentStore({
    S3_ENDPOINT: 'https://s3.amazonaws.com',
    S3_REGION: 'us-east-1',
    S3_BUCKET: 'examplebucket',
    S3_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    S3_ADDRESSING: 'virtual',
  } as AppConfig['documents']);
  let sent: { url: string; headers: Record<string, string> }[];

  beforeEach(() => {
    sent = [];
    jest.useFakeTimers({
      now: new Date('2013-05-24T00:00:00Z'),
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'setTimeout', 'clearTimeout'],
    });
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (url, init) => {
      sent.push({ url: String(url), headers: init!.headers as Record<string, string> });
      return new Response('', { status: 200 });
    });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const call = (query: Record<string, string>) =>
    (store as unknown as { call: (m: string, k: string, q: Record<string, string>) => Promise<Response> }).call(
      'GET',
      '',
      query,
    );

  it('signs GET Bucket Lifecycle as AWS does', async () => {
    await call({ lifecycle: '' });
    expect(sent[0].url).toBe('https://examplebucket.s3.amazonaws.com/?lifecycle=');
    expect(sent[0].headers['x-amz-date']).toBe('20130524T000000Z');
    expect(sent[0].headers.authorization).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
  });

  it('signs GET Bucket (list objects) as AWS does, its query sorted', async () => {
    await call({ prefix: 'J', 'max-keys': '2' });
    expect(sent[0].headers.authorization).toMatch(
      /, Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7$/,
    );
  });
});
