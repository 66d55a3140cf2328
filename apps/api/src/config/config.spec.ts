import { ConfigError, loadConfig, trustProxySetting } from './config';

describe(loadConfig.name, () => {
  const valid = { DATABASE_URL: 'postgres://localhost:5432/encounters' };

  it('applies the defaults', () => {
    const sut = loadConfig(valid);
    expect(sut.PORT).toBe(3000);
    expect(sut.MIGRATE_ON_START).toBe(true);
    expect(sut.DEMO_MODE).toBe(false);
  });

  it('reads numbers and booleans from strings', () => {
    const sut = loadConfig({ ...valid, PORT: '4100', DEMO_MODE: 'true', MIGRATE_ON_START: '0' });
    expect(sut.PORT).toBe(4100);
    expect(sut.DEMO_MODE).toBe(true);
    expect(sut.MIGRATE_ON_START).toBe(false);
  });

  it('refuses a DATABASE_URL that is not a postgres URL, naming the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('refuses a missing DATABASE_URL', () => {
    expect(() => loadConfig({})).toThrow(/DATABASE_URL/);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ ...valid, PORT: '70000' })).toThrow(/PORT/);
  });

  it.each(['abc', '30a0', '-1', '3000.5'])('refuses PORT=%j by name, never as "port NaN"', (port) => {
    expect(() => loadConfig({ ...valid, PORT: port })).toThrow(/PORT/);
    expect(() => loadConfig({ ...valid, PORT: port })).not.toThrow(/NaN/);
  });

  it('refuses demo mode and the demo seed in production, whose users have published passwords', () => {
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production', DEMO_MODE: 'true' })).toThrow(/DEMO_MODE/);
    expect(() => loadConfig({ ...valid, NODE_ENV: 'production', SEED_DEMO_IF_EMPTY: 'yes' })).toThrow(
      ConfigError,
    );
    expect(loadConfig({ ...valid, NODE_ENV: 'production' }).DEMO_MODE).toBe(false);
  });

  it('trusts no proxy unless TRUST_PROXY says which: hops, or addresses and subnets', () => {
    expect(trustProxySetting(loadConfig(valid).TRUST_PROXY)).toBe(false);
    expect(trustProxySetting(loadConfig({ ...valid, TRUST_PROXY: '1' }).TRUST_PROXY)).toBe(1);
    expect(
      trustProxySetting(loadConfig({ ...valid, TRUST_PROXY: '127.0.0.1, 172.28.0.0/16' }).TRUST_PROXY),
    ).toEqual(['127.0.0.1', '172.28.0.0/16']);
    expect(() => loadConfig({ ...valid, TRUST_PROXY: 'every one; please' })).toThrow(/TRUST_PROXY/);
  });
});
