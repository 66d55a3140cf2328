import { ConfigError, loadConfig } from './config';

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
});
