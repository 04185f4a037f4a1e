// Container health check of every app image: GET /health/live on the app's port, i.e. its `<APP>_PORT`
// variable (intake-web -> INTAKE_WEB_PORT) or, when unset, the default of its configuration class.
const app = process.env.APP;
const variable = `${app.toUpperCase().replace(/-/g, '_')}_PORT`;
let port = process.env[variable];
if (!port) {
  const exported = require(`./dist/apps/${app}/src/${app}.config.js`);
  const Config = Object.values(exported).find((value) => typeof value === 'function');
  port = new Config()[variable];
}
const bind = process.env.HOST;
const host = !bind || bind === '0.0.0.0' || bind === '::' ? '127.0.0.1' : bind.includes(':') ? `[${bind}]` : bind;
fetch(`http://${host}:${port}/health/live`, { signal: AbortSignal.timeout(4000) }).then(
  (response) => process.exit(response.ok ? 0 : 1),
  () => process.exit(1),
);
