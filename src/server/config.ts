import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The project's root folder (where package.json, data/ and web/ live). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must be between 0 and 65535')
    .max(65535, 'must be between 0 and 65535')
    .default(3000),
  HOST: z.string().trim().min(1, 'must not be empty').default('localhost'),
  REGIONKRAFT_DATA_DIR: z.string().trim().min(1, 'must not be empty').optional(),
  /** The built web app to serve (default web/dist); lets two builds be tried side by side. */
  REGIONKRAFT_WEB_DIST_DIR: z.string().trim().min(1, 'must not be empty').optional(),
  DATABASE_URL: z
    .string()
    .trim()
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// or postgresql:// connection URL')
    .optional(),
  LOG_LEVEL: z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default('info'),
  TRUST_PROXY: z
    .string()
    .trim()
    .regex(
      /^(true|false|\d+|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/,
      'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses/CIDRs',
    )
    .default('false'),
  REGIONKRAFT_REGION: z
    .string()
    .regex(/^\d{2}$/, 'must be a two-digit county code such as 23')
    .default('23'),
  REGIONKRAFT_PUBLIC_URL: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^/\s]+\/?$/, 'must be an http(s) origin such as https://regionkraft.example.se')
    .optional(),
  REGIONKRAFT_AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  REGIONKRAFT_ADMIN_EMAIL: z.email('must be an e-mail address').optional(),
  REGIONKRAFT_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(128, 'must be at most 128 characters')
    .optional(),
  REGIONKRAFT_ADMIN_NAME: z.string().trim().min(1).max(200).optional(),
  SESSION_HOURS: z.coerce
    .number({ error: 'must be a number of hours' })
    .int('must be a whole number of hours')
    .min(1, 'must be between 1 and 720')
    .max(720, 'must be between 1 and 720')
    .default(8),
  SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce
    .number({ error: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(10000, 'must be at most 10000')
    .default(10),
  OIDC_ISSUER: z
    .url('must be the issuer URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0')
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(100).default('Microsoft Entra ID'),
});

export type Config = {
  port: number;
  host: string;
  /** PGlite data folder; ignored when databaseUrl is set. */
  dataDir: string;
  databaseUrl: string | undefined;
  logLevel: (typeof logLevels)[number];
  /**
   * Which proxies may set X-Forwarded-For (client address for rate limiting and logs).
   * false by default: otherwise any client could pick its own address.
   */
  trustProxy: boolean | number | string[];
  /** County code of the region this instance serves by default. */
  regionCode: string;
  /** Folder with the shipped reference data. */
  dataFilesDir: string;
  /** Folder of the built web app. */
  webDistDir: string;
  auth: AuthConfig;
};

export type AuthConfig = {
  /** The address users open, e.g. https://regionkraft.example.se; cookies are Secure when https. */
  publicUrl: string;
  /** Signs session cookies. When unset, a random secret is kept in the database. */
  secret: string | undefined;
  /** First administrator, created at start when the region has no users yet. */
  firstAdmin: { email: string; password: string; name: string } | undefined;
  sessionHours: number;
  signInAttemptsPerMinute: number;
  /** Single sign-on through OpenID Connect (e.g. Microsoft Entra ID); off when undefined. */
  oidc: { issuer: string; clientId: string; clientSecret: string; displayName: string } | undefined;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration from environment variables. Throws ConfigError. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (PORT=) means "not set", not "port 0".
  const set = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(set);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const value = env[name];
        return `${name}=${JSON.stringify(value)}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  const problems: string[] = [];
  const oidcVars = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET'] as const;
  const oidcSet = oidcVars.filter((name) => e[name] !== undefined);
  if (oidcSet.length > 0 && oidcSet.length < oidcVars.length) {
    const missing = oidcVars.filter((name) => e[name] === undefined);
    problems.push(
      `${missing.join(', ')}: must be set too when ${oidcSet.join(', ')} is set (single sign-on)`,
    );
  }
  if ((e.REGIONKRAFT_ADMIN_EMAIL === undefined) !== (e.REGIONKRAFT_ADMIN_PASSWORD === undefined)) {
    problems.push('REGIONKRAFT_ADMIN_EMAIL and REGIONKRAFT_ADMIN_PASSWORD: set both or neither');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.REGIONKRAFT_DATA_DIR ?? path.join(projectRoot, 'var', 'data')),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    regionCode: e.REGIONKRAFT_REGION,
    dataFilesDir: path.join(projectRoot, 'data'),
    webDistDir: path.resolve(e.REGIONKRAFT_WEB_DIST_DIR ?? path.join(projectRoot, 'web', 'dist')),
    auth: {
      publicUrl: (e.REGIONKRAFT_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
      secret: e.REGIONKRAFT_AUTH_SECRET,
      firstAdmin:
        e.REGIONKRAFT_ADMIN_EMAIL && e.REGIONKRAFT_ADMIN_PASSWORD
          ? {
              email: e.REGIONKRAFT_ADMIN_EMAIL.toLowerCase(),
              password: e.REGIONKRAFT_ADMIN_PASSWORD,
              name: e.REGIONKRAFT_ADMIN_NAME ?? 'Administratör',
            }
          : undefined,
      sessionHours: e.SESSION_HOURS,
      signInAttemptsPerMinute: e.SIGN_IN_ATTEMPTS_PER_MINUTE,
      oidc:
        e.OIDC_ISSUER && e.OIDC_CLIENT_ID && e.OIDC_CLIENT_SECRET
          ? {
              issuer: e.OIDC_ISSUER.replace(/\/$/, ''),
              clientId: e.OIDC_CLIENT_ID,
              clientSecret: e.OIDC_CLIENT_SECRET,
              displayName: e.OIDC_DISPLAY_NAME,
            }
          : undefined,
    },
  };
}

function parseTrustProxy(value: string): boolean | number | string[] {
  if (value === 'true') return true;
  if (value === 'false') return false;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((v) => v.trim());
}
