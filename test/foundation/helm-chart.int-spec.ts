import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { ROOT } from '../../scripts/stack/app-process';
import { writeKubeconformSchemas } from '../../scripts/k8s/kube-schemas';

// The Helm chart rendered by `helm template` (default values, and mTLS + an API key) and every manifest
// validated by kubeconform against the Kubernetes API's schemas, strict (no unknown fields). Both tools
// are Go modules built once into .tools/; the schemas are made from the OpenAPI document in the Go
// module k8s.io/kubernetes (scripts/k8s/), since kubeconform's schema site is not reachable from here.

const CHART = path.join(ROOT, 'deploy/helm/onetrip');
type Manifest = { apiVersion: string; kind: string; metadata: { name: string }; spec: Record<string, unknown> } & Record<string, unknown>;
type Env = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
interface Container {
  name: string;
  env: Env[];
  livenessProbe?: { httpGet: { path: string; port: string } };
  readinessProbe?: { httpGet: { path: string; port: string } };
  volumeMounts?: { name: string; mountPath: string }[];
  resources: { requests: Record<string, string> };
}

let helm = '';
let kubeconform = '';
let schemaDir = '';
// The Kubernetes release whose schemas validate the manifests; helm renders for the same one.
let kubeVersion = '';

beforeAll(() => {
  const [helmPath, kubeconformPath, swagger] = execFileSync(path.join(ROOT, 'scripts/k8s/ensure-k8s-tools.sh'), { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    .trim()
    .split('\n');
  helm = helmPath ?? '';
  kubeconform = kubeconformPath ?? '';
  schemaDir = path.join(path.dirname(swagger ?? ''), `schemas-${path.basename(swagger ?? '', '.json')}`);
  kubeVersion = /swagger-v(\d+\.\d+\.\d+)\.json$/.exec(swagger ?? '')?.[1] ?? '';
  expect(kubeVersion).not.toBe('');
  expect(writeKubeconformSchemas(swagger ?? '', schemaDir)).toBeGreaterThan(50);
}, 20 * 60_000);

function render(...args: string[]): { manifests: Manifest[]; text: string } {
  const text = execFileSync(helm, ['template', 'onetrip', CHART, '--kube-version', kubeVersion, ...args], { encoding: 'utf8' });
  const manifests = parseAllDocuments(text)
    .map((doc) => doc.toJS() as Manifest | null)
    .filter((doc): doc is Manifest => doc !== null);
  return { manifests, text };
}

/** kubeconform's verdict on a stream of manifests. */
function validate(text: string): { valid: number; invalid: number; errors: number; skipped: number; output: string } {
  const run = spawnSync(kubeconform, ['-strict', '-summary', '-output', 'json', '-schema-location', `${schemaDir}/{{ .ResourceKind }}{{ .KindSuffix }}.json`, '-'], { input: text, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { summary: { valid: number; invalid: number; errors: number; skipped: number } };
  return { ...report.summary, output: run.stdout };
}

const find = (manifests: Manifest[], kind: string, name: string): Manifest => {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name === name);
  if (found === undefined) throw new Error(`no ${kind} ${name} in ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`);
  return found;
};
const container = (deployment: Manifest): Container => (deployment.spec as { template: { spec: { containers: Container[] } } }).template.spec.containers[0] as Container;
const env = (c: Container): Map<string, Env> => new Map(c.env.map((e) => [e.name, e]));

describe('the Helm chart (deploy/helm/onetrip)', () => {
  it('passes helm lint', () => {
    const lint = spawnSync(helm, ['lint', CHART, '--strict'], { encoding: 'utf8' });
    expect([lint.status, lint.stdout]).toEqual([0, expect.stringContaining('0 chart(s) failed')]);
  });

  it.each([
    ['default values', []],
    ['mTLS and an API key', ['-f', path.join(CHART, 'ci/tls-values.yaml')]],
  ])('renders with %s into manifests that all pass kubeconform -strict', (_label, args) => {
    const { manifests, text } = render(...args);
    expect(manifests.length).toBeGreaterThanOrEqual(5);
    const verdict = validate(text);
    expect({ valid: verdict.valid, invalid: verdict.invalid, errors: verdict.errors, skipped: verdict.skipped }).toEqual({ valid: manifests.length, invalid: 0, errors: 0, skipped: 0 });
  });

  it('kubeconform refuses a manifest with an unknown field or a wrong type (so the check above can fail)', () => {
    const { text } = render();
    const unknownField = text.replace('terminationGracePeriodSeconds:', 'terminationGracePeriod: 1\n      terminationGracePeriodSeconds:');
    expect(validate(unknownField)).toMatchObject({ invalid: 1 });
    const wrongType = text.replace(/minReplicas: \d+/, 'minReplicas: two');
    expect(validate(wrongType)).toMatchObject({ invalid: 1 });
  });

  it('runs the notification relay from the worker image with its own entry point and the shared settings', () => {
    const { manifests } = render();
    const relay = container(find(manifests, 'Deployment', 'onetrip-relay'));
    const worker = container(find(manifests, 'Deployment', 'onetrip-worker'));
    expect((relay as { image?: string }).image).toBe((worker as { image?: string }).image);
    expect((relay as { command?: string[] }).command).toEqual(['node', 'dist/apps/worker/apps/worker/src/relay/relay-main.js']);
    expect(env(relay).get('DATABASE_URL')).toEqual(env(worker).get('DATABASE_URL'));
  });

  it('runs the worker from the workflow bundle its image carries (the path the Dockerfile writes and sets)', () => {
    const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
    const imageBundle = /^ENV WORKFLOW_BUNDLE_PATH=(\S+)$/m.exec(dockerfile)?.[1];
    expect(imageBundle).toBe('/app/dist/apps/worker/workflow-bundle.js');
    expect(dockerfile).toContain(`npx tsx scripts/bundle-workflows.ts ${path.posix.relative('/app', imageBundle ?? '')}`);
    for (const args of [[], ['-f', path.join(CHART, 'ci/tls-values.yaml')]]) {
      const worker = env(container(find(render(...args).manifests, 'Deployment', 'onetrip-worker')));
      expect(worker.get('WORKFLOW_BUNDLE_PATH')?.value).toBe(imageBundle);
    }
  });

  it('runs the API with liveness and readiness probes on their own endpoints, a Service, CPU autoscaling and a disruption budget for both', () => {
    const { manifests } = render();
    const api = container(find(manifests, 'Deployment', 'onetrip-api'));
    expect(api.livenessProbe?.httpGet).toEqual({ path: '/api/health/live', port: 'http' });
    expect(api.readinessProbe?.httpGet).toEqual({ path: '/api/health/ready', port: 'http' });
    expect(env(api).get('API_HOST')?.value).toBe('0.0.0.0');
    const apiSpec = find(manifests, 'Deployment', 'onetrip-api').spec as { template: { spec: { terminationGracePeriodSeconds: number } } };
    const drain = Number(env(api).get('API_DRAIN_SECONDS')?.value) + Number(env(api).get('API_SHUTDOWN_TIMEOUT_SECONDS')?.value);
    expect(apiSpec.template.spec.terminationGracePeriodSeconds).toBeGreaterThan(drain);
    expect(find(manifests, 'Service', 'onetrip-api').spec).toMatchObject({ ports: [{ targetPort: 'http' }] });
    for (const component of ['api', 'worker']) {
      expect(find(manifests, 'HorizontalPodAutoscaler', `onetrip-${component}`).spec).toMatchObject({
        scaleTargetRef: { kind: 'Deployment', name: `onetrip-${component}` },
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }],
      });
      expect(find(manifests, 'PodDisruptionBudget', `onetrip-${component}`).spec).toMatchObject({ minAvailable: 1 });
      expect(container(find(manifests, 'Deployment', `onetrip-${component}`)).resources.requests).toEqual(expect.objectContaining({ cpu: expect.any(String) }));
    }
  });

  it('takes every secret from the Secret (none in the manifests), and gives JWT_SECRET to the API only', () => {
    const { manifests, text } = render();
    const api = env(container(find(manifests, 'Deployment', 'onetrip-api')));
    const worker = env(container(find(manifests, 'Deployment', 'onetrip-worker')));
    const shared = ['DATABASE_URL', 'DECISION_SIGNING_KEY', 'TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEY_ID', 'PERSONAL_DATA_KEYS', 'PERSONAL_DATA_KEY_ID'];
    const apiOnly = ['JWT_SECRET', 'DOCUMENT_SIGNING_KEYS', 'DOCUMENT_SIGNING_KEY_ID'];
    for (const name of [...shared, ...apiOnly]) expect([name, api.get(name)?.valueFrom?.secretKeyRef]).toEqual([name, { name: 'onetrip-secrets', key: name }]);
    for (const name of shared) expect([name, worker.get(name)?.valueFrom?.secretKeyRef]).toEqual([name, { name: 'onetrip-secrets', key: name }]);
    for (const name of apiOnly) expect([name, worker.has(name)]).toEqual([name, false]);
    expect(text).not.toMatch(/kind: Secret\b/);
    expect(api.get('NODE_ENV')?.value).toBe('production'); // so the apps refuse to start without the keys
    expect(api.get('TEMPORAL_TLS')?.value).toBe('false');
  });

  it('with mTLS and an API key: the certificate files mounted from their Secret, the variables pointing at them, the key from its Secret', () => {
    const { manifests } = render('-f', path.join(CHART, 'ci/tls-values.yaml'));
    for (const component of ['api', 'worker']) {
      const deployment = find(manifests, 'Deployment', `onetrip-${component}`);
      const c = container(deployment);
      const vars = env(c);
      expect(vars.get('TEMPORAL_TLS')?.value).toBe('true');
      expect(vars.get('TEMPORAL_NAMESPACE')?.value).toBe('onetrip');
      expect(vars.get('TEMPORAL_TLS_SERVER_NAME')?.value).toBe('temporal-frontend.temporal.internal');
      expect(vars.get('TEMPORAL_TLS_CA_FILE')?.value).toBe('/etc/onetrip/temporal-tls/ca.crt');
      expect(vars.get('TEMPORAL_TLS_CERT_FILE')?.value).toBe('/etc/onetrip/temporal-tls/tls.crt');
      expect(vars.get('TEMPORAL_TLS_KEY_FILE')?.value).toBe('/etc/onetrip/temporal-tls/tls.key');
      expect(vars.get('TEMPORAL_API_KEY')?.valueFrom?.secretKeyRef).toEqual({ name: 'onetrip-temporal-api-key', key: 'api-key' });
      expect(c.volumeMounts).toEqual([expect.objectContaining({ name: 'temporal-tls', mountPath: '/etc/onetrip/temporal-tls' })]);
      const volumes = (deployment.spec as { template: { spec: { volumes: { name: string; secret: { secretName: string } }[] } } }).template.spec.volumes;
      expect(volumes).toEqual([expect.objectContaining({ name: 'temporal-tls', secret: expect.objectContaining({ secretName: 'onetrip-temporal-mtls' }) })]);
    }
    expect(manifests.some((m) => m.kind === 'HorizontalPodAutoscaler' && m.metadata.name === 'onetrip-worker')).toBe(false);
    expect((find(manifests, 'Deployment', 'onetrip-worker').spec as { replicas: number }).replicas).toBe(3);
  });

  it.each([
    [['--set', 'temporal.apiKey.existingSecret=k'], 'temporal.apiKey.existingSecret is set but temporal.tls.enabled is false'],
    [['--set', 'temporal.tls.enabled=true', '--set', 'temporal.tls.clientCertificate=true'], 'temporal.tls.clientCertificate needs temporal.tls.existingSecret'],
    [['--set', 'temporal.tls.existingSecret=s'], 'temporal.tls.existingSecret is set but temporal.tls.enabled is false'],
    [['--set', 'secrets.existingSecret='], 'secrets.existingSecret'],
    [['--set', 'worker.workflowBundlePath='], "worker.workflowBundlePath: the worker image's prebuilt workflow bundle"],
  ])('refuses a half-set configuration %j', (args, message) => {
    const run = spawnSync(helm, ['template', 'onetrip', CHART, '--kube-version', kubeVersion, ...args], { encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(message);
  });

  it('is documented: the README names every value the TLS render sets and both ways to run Temporal', () => {
    const readme = fs.readFileSync(path.join(CHART, 'README.md'), 'utf8');
    for (const value of ['temporal.tls.enabled', 'temporal.tls.existingSecret', 'temporal.tls.clientCertificate', 'temporal.apiKey.existingSecret', 'secrets.existingSecret']) expect(readme).toContain(value);
    expect(readme).toMatch(/Temporal Cloud/);
    expect(readme).toMatch(/temporalio\/helm-charts|official Helm chart/i);
  });
});
