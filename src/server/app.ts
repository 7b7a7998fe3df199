/**
 * Assembles the Fastify application: plugins, error handling, OpenAPI, feature routes and the
 * web app. It takes an open database and a config, so tests build it the same way as `start`.
 */
import fs from 'node:fs';
import { STATUS_CODES } from 'node:http';
import path from 'node:path';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, LogController } from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { Database } from '../db/connection.ts';
import { isDataException } from '../db/errors.ts';
import { actorPlugin } from '../features/access/actor-plugin.ts';
import { type Auth, createAuth, loadAuthSecret } from '../features/access/auth.ts';
import { authRoutes } from '../features/access/auth-routes.ts';
import { crossSitePlugin } from '../features/access/cross-site.ts';
import { setupRoutes } from '../features/access/setup-routes.ts';
import { userRoutes } from '../features/access/user-routes.ts';
import { organisationRoutes } from '../features/actors/organisation-routes.ts';
import { auditRoutes } from '../features/audit/audit-routes.ts';
import { conflictRoutes } from '../features/conflicts/conflict-routes.ts';
import { consultationRoutes } from '../features/conflicts/consultations/consultation-routes.ts';
import { matrixRoutes } from '../features/conflicts/matrix/matrix-routes.ts';
import { suggestionRoutes } from '../features/conflicts/suggestion-routes.ts';
import { effortFileRoutes } from '../features/efforts/effort-file-routes.ts';
import { effortRoutes } from '../features/efforts/effort-routes.ts';
import { healthRoutes } from '../features/health/health-routes.ts';
import { indicatorImportRoutes } from '../features/indicators/indicator-import-routes.ts';
import type { SourceAccess } from '../features/indicators/indicator-imports.ts';
import { indicatorRoutes } from '../features/indicators/indicator-routes.ts';
import { referenceRoutes } from '../features/reference/reference-routes.ts';
import { scheduleRegistrationPurge } from '../features/s3/meetings/registrations-service.ts';
import { s3Routes } from '../features/s3/s3-routes.ts';
import { sdgRoutes } from '../features/steering/sdg-routes.ts';
import { steeringRoutes } from '../features/steering/steering-routes.ts';
import { areaRoutes } from '../features/territory/area-routes.ts';
import { territoryRoutes } from '../features/territory/territory-routes.ts';
import type { Config } from './config.ts';
import { HttpProblem, problemBody } from './problem.ts';

declare module 'fastify' {
  interface FastifyInstance {
    database: Database;
    config: Config;
    auth: Auth;
    /** How indicator importers reach Kolada and SCB (recorded answers in tests). */
    sources: SourceAccess;
  }
}

export type BuildAppOptions = {
  config: Config;
  database: Database;
  /** Pino logger options; false for silent (tests). */
  logger?: boolean | object;
  /** Network access of the indicator importers; the real network by default. */
  sources?: SourceAccess;
  /**
   * Delete registrations 30 days after their meeting when the app is ready and then hourly
   * (`regionkraft start`); off by default so that tests stay deterministic.
   */
  purgeRegistrations?: boolean;
};

const packageVersion = JSON.parse(
  fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

export async function buildApp({
  config,
  database,
  logger,
  sources,
  purgeRegistrations,
}: BuildAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    // Behind a load balancer the client address comes from X-Forwarded-For (TRUST_PROXY).
    trustProxy:
      typeof config.trustProxy === 'number'
        ? (_address: string, hop: number) => hop < (config.trustProxy as number)
        : config.trustProxy,
    // Errors raised before routing (bad URL, over-long parameter, bad Content-Type) are
    // problem details too.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 400;
      const path = (request.url ?? '').split('?')[0] ?? '';
      (reply as unknown as FastifyReply)
        .code(status)
        .type('application/problem+json')
        .send(
          problemBody(
            status,
            STATUS_CODES[status] ?? 'Bad Request',
            path.slice(0, 200),
            error.message.slice(0, 300),
          ),
        );
    },
    // One line per request only when debugging; errors are always logged.
    logController: new LogController({
      disableRequestLogging: config.logLevel !== 'debug' && config.logLevel !== 'trace',
    }),
  });
  app.decorate('database', database);
  app.decorate('config', config);
  app.decorate('sources', sources ?? {});
  const auth = createAuth({
    db: database.db,
    config: config.auth,
    secret: await loadAuthSecret(database.db, config.auth.secret),
    logger: app.log,
  });
  app.decorate('auth', auth);
  if (purgeRegistrations) {
    let stopPurge: (() => Promise<void>) | undefined;
    app.addHook('onReady', async () => {
      stopPurge = scheduleRegistrationPurge(database.db, {
        info: (message) => app.log.info(message),
        error: (details, message) => app.log.error(details, message),
      });
    });
    // Stops the timer and waits for a purge in progress, before the database is closed.
    app.addHook('onClose', async () => stopPurge?.());
  }
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        // ECharts and the API docs set inline styles; scripts stay same-origin only.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        // Let plain-HTTP local installs work; put HTTPS in front in production.
        'upgrade-insecure-requests': null,
      },
    },
    hsts: false,
  });
  await app.register(rateLimit, {
    max: 1200,
    timeWindow: '1 minute',
    allowList: (request) => request.url.startsWith('/health/'),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const instance = request.url;
    if (error instanceof HttpProblem) {
      return reply
        .code(error.status)
        .type('application/problem+json')
        .send(problemBody(error.status, error.title, instance, error.detail, error.errors, error.code));
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const context = error.validationContext ?? 'request';
      const errors = error.validation.map((v) => {
        const field = [context, ...v.instancePath.split('/').filter(Boolean)].join('.');
        return { field, message: v.message ?? 'invalid value' };
      });
      const detail = errors.map((e) => `${e.field}: ${e.message}`).join('; ');
      return reply
        .code(400)
        .type('application/problem+json')
        .send(problemBody(400, 'Bad Request', instance, detail, errors));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
      return reply
        .code(500)
        .type('application/problem+json')
        .send(problemBody(500, 'Internal Server Error', instance));
    }
    if (isDataException(error)) {
      return reply
        .code(400)
        .type('application/problem+json')
        .send(
          problemBody(
            400,
            'Bad Request',
            instance,
            'A value in the request cannot be stored or searched for (for example a NUL character, or a number or date out of range)',
          ),
        );
    }
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply
      .code(status)
      .type('application/problem+json')
      .send(
        problemBody(
          status,
          STATUS_CODES[status] ?? 'Error',
          instance,
          // Internal errors are logged, never shown: they may hold SQL or paths.
          status >= 500 ? undefined : error.message,
        ),
      );
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Regionkraft API',
        version: packageVersion.version,
        description:
          'Open API of Regionkraft: steering and follow-up of regional growth policy. ' +
          'Errors are RFC 9457 problem details. Data attribution: population and geometry, Källa: SCB (CC BY 4.0).',
        license: { name: 'MIT', identifier: 'MIT' },
      },
      tags: [
        { name: 'territory', description: 'Areas (county, municipalities, samebyar) and indicators' },
        {
          name: 'steering',
          description: 'Steering documents, goal, priorities, strength areas, Agenda 2030',
        },
        {
          name: 'efforts',
          description: 'Efforts (insatser): projects, funding, reach, links, assessments, results',
        },
        { name: 'actors', description: 'Organisations (actors) of the region' },
        {
          name: 'access',
          description:
            'Session, users and roles, audit trail. Sign in with POST /api/auth/sign-in/email { email, password } ' +
            '(session cookie); sign out with POST /api/auth/sign-out.',
        },
        { name: 'health', description: 'Liveness and readiness' },
      ],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // No call to the public swagger.io validator from users' browsers.
    uiConfig: { validatorUrl: null },
    staticCSP: true,
    // Swagger UI sets a few inline styles; scripts stay restricted.
    transformStaticCSP: (header) =>
      header.replace("style-src 'self' https:", "style-src 'self' https: 'unsafe-inline'"),
  });

  await app.register(healthRoutes);
  // Order matters: refuse cross-site writes, then work out who is asking.
  await app.register(crossSitePlugin(config.auth.publicUrl));
  await app.register(actorPlugin({ auth, db: database.db, regionCode: config.regionCode }));
  await app.register(authRoutes(auth, config.auth.publicUrl));
  await app.register(
    async (api) => {
      await api.register(userRoutes);
      await api.register(setupRoutes);
      await api.register(auditRoutes);
      await api.register(organisationRoutes);
      await api.register(referenceRoutes);
      await api.register(effortFileRoutes);
      await api.register(effortRoutes);
      await api.register(areaRoutes);
      await api.register(indicatorRoutes);
      await api.register(indicatorImportRoutes);
      await api.register(territoryRoutes);
      await api.register(steeringRoutes);
      await api.register(sdgRoutes);
      await api.register(conflictRoutes);
      await api.register(suggestionRoutes);
      await api.register(matrixRoutes);
      await api.register(consultationRoutes);
      await api.register(s3Routes);
    },
    { prefix: '/api/v1' },
  );

  const indexHtml = path.join(config.webDistDir, 'index.html');
  const hasWebApp = fs.existsSync(indexHtml);
  if (hasWebApp) {
    await app.register(fastifyStatic, {
      root: config.webDistDir,
      // Look files up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: false,
      setHeaders: (reply, filePath) => {
        // Vite puts a content hash in every asset name: those never change.
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  if (hasWebApp) {
    // The folder itself has no listing: "/" is the app's entry page.
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('Cache-Control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api') || request.url.startsWith('/health');
    // Client-side routes of the single-page app get its index.html.
    if (hasWebApp && !isApi && request.method === 'GET' && !path.extname(request.url.split('?')[0] ?? '')) {
      return reply
        .header('Cache-Control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    return reply
      .code(404)
      .type('application/problem+json')
      .send(
        problemBody(404, 'Not Found', request.url, `No route ${request.method} ${request.url.split('?')[0]}`),
      );
  });

  return app;
}
