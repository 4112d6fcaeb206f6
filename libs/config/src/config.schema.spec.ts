import { configSchemas, ConfigError, DEV_SESSION_SECRET, loadConfig } from './config.schema';

describe('loadConfig', () => {
  it('gives every setting a local default', () => {
    const config = loadConfig({});
    expect(config.app.PORT).toBe(3000);
    expect(config.database.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/assistance');
    expect(config.redis.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(config.auth.SESSION_SECRET).toBe(DEV_SESSION_SECRET);
    expect(config.mail.SMTP_URL).toBeUndefined();
  });

  it('names the setting that is invalid', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^Invalid setting PORT: .*number/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/^Invalid setting DATABASE_URL: /);
  });

  it('reads TRUSTED_PROXIES as a list of addresses and ranges, empty by default', () => {
    expect(loadConfig({}).app.TRUSTED_PROXIES).toEqual([]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.7,loopback,::1' }).app.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.0.2.7', 'loopback', '::1']);
    expect(() => loadConfig({ TRUSTED_PROXIES: '10.0.0.0/33' })).toThrow(/^Invalid setting TRUSTED_PROXIES: /);
    expect(() => loadConfig({ TRUSTED_PROXIES: 'proxy.example.org' })).toThrow(/^Invalid setting TRUSTED_PROXIES: /);
  });

  it('refuses development secrets in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).app.NODE_ENV).toBe('production');
  });

  it('moves the clock only under NODE_ENV=test', () => {
    const secret = { SESSION_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig({ NODE_ENV: 'production', TEST_CLOCK_OFFSET_MS: '86400000', ...secret })).toThrow(/^Invalid setting TEST_CLOCK_OFFSET_MS: /);
    expect(() => loadConfig({ NODE_ENV: 'development', TEST_CLOCK_OFFSET_MS: '-1' })).toThrow(/TEST_CLOCK_OFFSET_MS/);
    expect(loadConfig({ NODE_ENV: 'production', TEST_CLOCK_OFFSET_MS: '0', ...secret }).app.TEST_CLOCK_OFFSET_MS).toBe(0);
    expect(loadConfig({ NODE_ENV: 'test', TEST_CLOCK_OFFSET_MS: '86400000' }).app.TEST_CLOCK_OFFSET_MS).toBe(86_400_000);
  });
});

describe('.env.example', () => {
  it('documents every setting the schemas know, and no other', () => {
    const text = require('node:fs').readFileSync(
      require('node:path').resolve(__dirname, '../../../.env.example'),
      'utf8',
    ) as string;
    const documented = [...text.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]).sort();
    const known = Object.values(configSchemas)
      .flatMap((s) => Object.keys(s.shape))
      .sort();
    expect([...new Set(documented)]).toEqual(known);
  });
});

describe('README settings table', () => {
  const readme = require('node:fs').readFileSync(
    require('node:path').resolve(__dirname, '../../../README.md'),
    'utf8',
  ) as string;
  const section = readme.slice(
    readme.indexOf('## Configuration'),
    readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
  );
  const rows = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]+)` \| ([^|]+) \|/gm)].map((m) => ({
    name: m[1],
    shown: m[2].trim(),
  }));
  const defaults = Object.assign({}, ...Object.values(loadConfig({}))) as Record<string, unknown>;

  it('lists every setting the schemas know, once, and no other', () => {
    const known = Object.values(configSchemas)
      .flatMap((s) => Object.keys(s.shape))
      .sort();
    expect(rows.map((r) => r.name).sort()).toEqual(known);
  });

  it('shows each literal default as the schemas give it', () => {
    for (const { name, shown } of rows) {
      const literal = /^`(.*)`$/.exec(shown)?.[1];
      if (literal !== undefined) expect({ name, default: literal }).toEqual({ name, default: String(defaults[name]) });
      else if (shown === 'unset') expect({ name, default: defaults[name] }).toEqual({ name, default: undefined });
    }
  });
});
