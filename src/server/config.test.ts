import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, projectRoot } from './config.ts';

describe('loadConfig', () => {
  it('uses defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('localhost');
    expect(config.dataDir).toBe(path.join(projectRoot, 'var', 'data'));
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(config.regionCode).toBe('23');
  });

  it('reads the variables', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      REGIONKRAFT_DATA_DIR: '/tmp/rk',
      DATABASE_URL: 'postgres://u:p@db:5432/rk',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/tmp/rk',
      databaseUrl: 'postgres://u:p@db:5432/rk',
      logLevel: 'warn',
    });
  });

  it('trusts no proxy unless told which', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 10.1.0.0/16' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow('TRUST_PROXY="everyone"');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
    expect(loadConfig({ PORT: '', HOST: ' ', LOG_LEVEL: '' })).toMatchObject({
      port: 3000,
      host: 'localhost',
      logLevel: 'info',
    });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT="abc"'],
    [{ PORT: '70000' }, 'PORT="70000": must be between 0 and 65535'],
    [{ PORT: '3.5' }, 'PORT="3.5": must be a whole number'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL="mysql://x": must be a postgres://'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL="loud": must be one of'],
    [{ REGIONKRAFT_REGION: 'Jämtland' }, 'REGIONKRAFT_REGION="Jämtland"'],
  ])('rejects %o with a message naming the variable', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).message).toContain(expected);
    }
  });

  it('reports every bad variable at once', () => {
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'x' });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toHaveLength(2);
    }
  });

  it('has sign-in defaults: public URL from host and port, 8-hour sessions, no single sign-on', () => {
    const config = loadConfig({ PORT: '4000' });
    expect(config.auth.publicUrl).toBe('http://localhost:4000');
    expect(config.auth.sessionHours).toBe(8);
    expect(config.auth.signInAttemptsPerMinute).toBe(10);
    expect(config.auth.oidc).toBeUndefined();
    expect(config.auth.firstAdmin).toBeUndefined();
  });

  it('reads single sign-on and the first administrator', () => {
    const config = loadConfig({
      REGIONKRAFT_PUBLIC_URL: 'https://regionkraft.example.se/',
      OIDC_ISSUER: 'https://login.microsoftonline.com/tenant-id/v2.0/',
      OIDC_CLIENT_ID: 'client',
      OIDC_CLIENT_SECRET: 'secret',
      REGIONKRAFT_ADMIN_EMAIL: 'Chef@Region.example',
      REGIONKRAFT_ADMIN_PASSWORD: 'a long enough password',
    });
    expect(config.auth.publicUrl).toBe('https://regionkraft.example.se');
    expect(config.auth.oidc).toEqual({
      issuer: 'https://login.microsoftonline.com/tenant-id/v2.0',
      clientId: 'client',
      clientSecret: 'secret',
      displayName: 'Microsoft Entra ID',
    });
    expect(config.auth.firstAdmin).toMatchObject({ email: 'chef@region.example', name: 'Administratör' });
  });

  it('refuses half-configured single sign-on, a lone admin variable, a short password and a path in the public URL', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problems({ OIDC_ISSUER: 'https://issuer.example' })[0]).toMatch(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: must be set too/,
    );
    expect(problems({ REGIONKRAFT_ADMIN_EMAIL: 'a@b.se' })[0]).toMatch(/set both or neither/);
    expect(problems({ REGIONKRAFT_ADMIN_EMAIL: 'a@b.se', REGIONKRAFT_ADMIN_PASSWORD: 'short' })[0]).toMatch(
      /REGIONKRAFT_ADMIN_PASSWORD.*at least 12/,
    );
    expect(problems({ REGIONKRAFT_PUBLIC_URL: 'https://example.se/app' })[0]).toMatch(
      /REGIONKRAFT_PUBLIC_URL/,
    );
    expect(problems({ REGIONKRAFT_AUTH_SECRET: 'too-short' })[0]).toMatch(/at least 32/);
  });
});
