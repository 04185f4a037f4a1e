/**
 * Architecture rules, checked by `npm run check:architecture` (part of `npm test`).
 * Layers of an app (apps/<app>/src): domain ← application ← infrastructure, interface.
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-app-to-app',
      comment: 'An app never imports another app: apps share code through libs/ and talk through Kafka topics and HTTP.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-lib-to-app',
      comment: 'Libraries are shared by apps and never depend on one.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-imports-domain-only',
      comment:
        "Domain code imports only domain code (its app's, a lib's framework-free `domain/` entry, the contract and classification libs), Node built-ins and packages (frameworks are caught by domain-reaches-no-framework).",
      severity: 'error',
      from: { path: '^apps/[^/]+/src/domain/' },
      to: {
        pathNot: ['^apps/[^/]+/src/domain/', '^libs/(contracts|classification)/', '^libs/[^/]+/src/domain/'],
        dependencyTypesNot: ['core', 'npm', 'npm-dev'],
      },
    },
    {
      name: 'application-not-to-adapters',
      comment: 'Use cases depend on ports (abstract classes in application/ or domain/), never on the adapters that implement them.',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/application/' },
      to: { path: '^apps/[^/]+/src/(infrastructure|interface)/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'domain-reaches-no-framework',
      comment: 'Not even through a barrel: nothing a domain file imports may lead to a framework or driver.',
      severity: 'error',
      from: { path: '^apps/[^/]+/src/domain/' },
      to: { reachable: true, path: 'node_modules/(@nestjs|typeorm|kafkajs|pg|fastify|axios|nestjs-pino|prom-client|wechaty)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
