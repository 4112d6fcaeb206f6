import type { Params } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '@app/config';

/** Request logs with a request id (taken from `x-request-id` when the caller sends one, echoed back). */
export function loggerOptions(config: AppConfig): Params {
  return {
    pinoHttp: {
      level: config.app.NODE_ENV === 'test' ? 'warn' : config.app.LOG_LEVEL,
      genReqId: (req: IncomingMessage, res: ServerResponse) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
    },
    exclude: [],
  };
}
