// Static checks of the deployment files: docker-compose.yml, Dockerfile, .dockerignore and
// deploy/. No Docker engine is needed; the files are parsed and cross-checked (service names,
// credentials, ports, build targets vs. Dockerfile stages, healthchecks behind depends_on).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { parseDocument } from 'yaml';

export const REPO_ROOT = resolve(__dirname, '..', '..');

export type Mapping = Record<string, unknown>;

export interface PortMapping {
  readonly published: string | undefined;
  readonly target: string;
}

export interface VolumeMount {
  readonly source: string | undefined;
  readonly target: string;
}

export interface Healthcheck {
  readonly disabled: boolean;
  /** The probe as one command line, e.g. `CMD-SHELL pg_isready ...`. */
  readonly command: string;
}

export interface DockerInstruction {
  readonly keyword: string;
  readonly args: string;
}

export interface DockerStage {
  readonly base: string;
  readonly name: string | undefined;
  readonly instructions: readonly DockerInstruction[];
}

export function isMapping(value: unknown): value is Mapping {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function scalarToString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Parses compose YAML the way Docker Compose reads it (YAML merge keys `<<:` enabled). */
export function parseCompose(text: string): Mapping {
  const doc = parseDocument(text, { merge: true });
  if (doc.errors.length > 0) {
    throw new Error(`invalid YAML: ${doc.errors.map((e) => e.message).join('; ')}`);
  }
  const root: unknown = doc.toJS();
  if (!isMapping(root)) throw new Error('compose file must be a mapping');
  return root;
}

export function servicesOf(compose: Mapping): Mapping {
  const services = compose['services'];
  if (!isMapping(services)) throw new Error('compose file has no `services` mapping');
  return services;
}

export function serviceOf(compose: Mapping, name: string): Mapping {
  const service = servicesOf(compose)[name];
  if (!isMapping(service)) throw new Error(`service \`${name}\` is missing`);
  return service;
}

/** `environment` in either mapping or `KEY=value` list form. */
export function environmentOf(service: Mapping): Map<string, string | undefined> {
  const env = new Map<string, string | undefined>();
  const raw = service['environment'];
  if (Array.isArray(raw)) {
    for (const entry of raw) {
      const text = scalarToString(entry) ?? '';
      const eq = text.indexOf('=');
      if (eq === -1) env.set(text, undefined);
      else env.set(text.slice(0, eq), text.slice(eq + 1));
    }
  } else if (isMapping(raw)) {
    for (const [key, value] of Object.entries(raw)) env.set(key, scalarToString(value));
  }
  return env;
}

export function envValue(service: Mapping, key: string): string | undefined {
  return environmentOf(service).get(key);
}

/** `ports` in short (`[ip:]host:container[/proto]`, or bare container) or long form. */
export function portsOf(service: Mapping): PortMapping[] {
  const raw = service['ports'];
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: unknown): PortMapping => {
    if (isMapping(entry)) {
      const target = scalarToString(entry['target']);
      if (target === undefined) throw new Error('long-form port without target');
      return { published: scalarToString(entry['published']), target };
    }
    const text = (scalarToString(entry) ?? '').replace(/\/(tcp|udp)$/, '');
    const parts = text.split(':');
    const target = parts[parts.length - 1] ?? '';
    const published = parts.length >= 2 ? parts[parts.length - 2] : undefined;
    return { published, target };
  });
}

/** `volumes` in short (`source:target[:mode]`, or bare target) or long form. */
export function volumesOf(service: Mapping): VolumeMount[] {
  const raw = service['volumes'];
  if (!Array.isArray(raw)) return [];
  return raw.map((entry: unknown): VolumeMount => {
    if (isMapping(entry)) {
      const target = scalarToString(entry['target']);
      if (target === undefined) throw new Error('long-form volume without target');
      return { source: scalarToString(entry['source']), target };
    }
    const parts = (scalarToString(entry) ?? '').split(':');
    if (parts.length === 1) return { source: undefined, target: parts[0] ?? '' };
    return { source: parts[0], target: parts[1] ?? '' };
  });
}

export function healthcheckOf(service: Mapping): Healthcheck | undefined {
  const raw = service['healthcheck'];
  if (!isMapping(raw)) return undefined;
  const test = raw['test'];
  const command = Array.isArray(test)
    ? test.map((part: unknown) => scalarToString(part) ?? '').join(' ')
    : (scalarToString(test) ?? '');
  const disabled = raw['disable'] === true || command === 'NONE' || command === '';
  return { disabled, command };
}

/** depends_on as service -> condition (list form means `service_started`). */
export function dependsOnOf(service: Mapping): Map<string, string> {
  const deps = new Map<string, string>();
  const raw = service['depends_on'];
  if (Array.isArray(raw)) {
    for (const name of raw) deps.set(scalarToString(name) ?? '', 'service_started');
  } else if (isMapping(raw)) {
    for (const [name, spec] of Object.entries(raw)) {
      const condition = isMapping(spec) ? scalarToString(spec['condition']) : undefined;
      deps.set(name, condition ?? 'service_started');
    }
  }
  return deps;
}

/**
 * Why an image reference is not reproducibly pinned, or undefined when it is.
 * Pinned: a digest (`@sha256:...`), or an explicit version tag (contains a digit) that is not
 * `latest`. A missing tag means `latest`; tags like `alpine`, `lts` or `stable` float too.
 */
export function imageProblem(image: string): string | undefined {
  const [reference = '', digest] = image.split('@');
  if (digest !== undefined) {
    return /^sha256:[0-9a-f]{64}$/.test(digest) ? undefined : `${image}: malformed digest`;
  }
  if (reference.includes('${')) return `${image}: tag comes from a variable, cannot check it`;
  const lastSlash = reference.lastIndexOf('/');
  const colon = reference.indexOf(':', lastSlash + 1);
  if (colon === -1) return `${image}: no tag (means latest)`;
  const tag = reference.slice(colon + 1);
  if (tag === '' || tag.toLowerCase() === 'latest') return `${image}: uses latest`;
  if (!/\d/.test(tag)) return `${image}: floating tag "${tag}" (no version)`;
  return undefined;
}

export function composeImageProblems(compose: Mapping): string[] {
  const problems: string[] = [];
  for (const [name, service] of Object.entries(servicesOf(compose))) {
    if (!isMapping(service)) continue;
    const image = scalarToString(service['image']);
    if (image !== undefined) {
      const problem = imageProblem(image);
      if (problem !== undefined) problems.push(`${name}: ${problem}`);
    } else if (!isMapping(service['build'])) {
      problems.push(`${name}: neither image nor build`);
    }
  }
  return problems;
}

/** Services that wait on `condition: service_healthy` for a service without an enabled healthcheck. */
export function unhealthyDependencies(compose: Mapping): string[] {
  const problems: string[] = [];
  const services = servicesOf(compose);
  for (const [name, service] of Object.entries(services)) {
    if (!isMapping(service)) continue;
    for (const [dependency, condition] of dependsOnOf(service)) {
      const target = services[dependency];
      if (!isMapping(target)) {
        problems.push(`${name} depends on unknown service ${dependency}`);
        continue;
      }
      const check = healthcheckOf(target);
      if (condition === 'service_healthy' && (check === undefined || check.disabled)) {
        problems.push(`${name} waits for ${dependency} to be healthy, but it has no healthcheck`);
      }
    }
  }
  return problems;
}

/** Splits a Dockerfile into stages; handles comments and `\` line continuations. */
export function parseDockerfile(text: string): DockerStage[] {
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*#/.test(line)) continue;
    const trimmed = line.trim();
    if (trimmed.endsWith('\\')) {
      pending += `${trimmed.slice(0, -1).trim()} `;
      continue;
    }
    const full = (pending + trimmed).trim();
    pending = '';
    if (full !== '') logical.push(full);
  }
  const stages: { base: string; name: string | undefined; instructions: DockerInstruction[] }[] = [];
  for (const line of logical) {
    const match = /^(\S+)\s*(.*)$/.exec(line);
    if (match === null) continue;
    const keyword = (match[1] ?? '').toUpperCase();
    const args = match[2] ?? '';
    if (keyword === 'FROM') {
      const from = /^(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      if (from === null) throw new Error(`cannot parse FROM ${args}`);
      stages.push({ base: from[1] ?? '', name: from[2], instructions: [] });
    } else if (keyword === 'ARG' && stages.length === 0) {
      continue; // global ARG before the first FROM
    } else {
      const current = stages[stages.length - 1];
      if (current === undefined) throw new Error(`${keyword} before any FROM`);
      current.instructions.push({ keyword, args });
    }
  }
  return stages;
}

export function stageNamed(stages: readonly DockerStage[], name: string): DockerStage {
  const stage = stages.find((s) => s.name === name);
  if (stage === undefined) throw new Error(`Dockerfile has no stage named ${name}`);
  return stage;
}

/** The stage and every earlier stage it is built FROM, nearest first. */
export function stageLineage(stages: readonly DockerStage[], name: string): DockerStage[] {
  const lineage: DockerStage[] = [];
  let current: DockerStage | undefined = stageNamed(stages, name);
  while (current !== undefined && !lineage.includes(current)) {
    lineage.push(current);
    const base: string = current.base;
    current = stages.find((s) => s.name === base);
  }
  return lineage;
}

/** Effective value of the last `keyword` instruction along a stage's lineage. */
export function effective(stages: readonly DockerStage[], name: string, keyword: string): string | undefined {
  for (const stage of stageLineage(stages, name)) {
    const found = stage.instructions.filter((i) => i.keyword === keyword);
    const last = found[found.length - 1];
    if (last !== undefined) return last.args;
  }
  return undefined;
}

export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((p: unknown) => typeof p === 'string')) {
    throw new Error(`not an exec-form array: ${args}`);
  }
  return parsed.map((p: unknown) => String(p));
}

function readRepoFile(relative: string): string {
  return readFileSync(resolve(REPO_ROOT, relative), 'utf8');
}

function runLines(stage: DockerStage): string[] {
  return stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args);
}

function copyLines(stage: DockerStage): string[] {
  return stage.instructions.filter((i) => i.keyword === 'COPY').map((i) => i.args);
}

const SERVICES = ['postgres', 'temporal-schema', 'temporal', 'temporal-namespace', 'temporal-ui', 'api', 'worker', 'relay'] as const;

/** The Temporal server and UI releases the tests run: the ones the `temporal` CLI's dev server embeds. */
export function embeddedTemporalVersions(versionLine: string): { server: string; ui: string } {
  const match = /\(Server (\d+\.\d+\.\d+), UI (\d+\.\d+\.\d+)\)/.exec(versionLine);
  if (match === null) throw new Error(`no server and UI version in "${versionLine}"`);
  return { server: match[1] ?? '', ui: match[2] ?? '' };
}

/** Services that wait for a one-shot job (service_completed_successfully) which restarts forever instead of ending. */
export function endlessJobs(compose: Mapping): string[] {
  const problems: string[] = [];
  const services = servicesOf(compose);
  for (const [name, service] of Object.entries(services)) {
    if (!isMapping(service)) continue;
    for (const [dependency, condition] of dependsOnOf(service)) {
      const job = services[dependency];
      if (condition !== 'service_completed_successfully' || !isMapping(job)) continue;
      const restart = scalarToString(job['restart']) ?? 'no';
      if (restart === 'always' || restart === 'unless-stopped') problems.push(`${name} waits for ${dependency} to complete, but it restarts ${restart}`);
    }
  }
  return problems;
}

/** `ENV` variables along a stage's lineage (`KEY=value` pairs; the nearest stage wins). */
export function stageEnv(stages: readonly DockerStage[], name: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const stage of [...stageLineage(stages, name)].reverse()) {
    for (const { args } of stage.instructions.filter((i) => i.keyword === 'ENV')) {
      for (const pair of args.split(/\s+/)) {
        const eq = pair.indexOf('=');
        if (eq > 0) env.set(pair.slice(0, eq), pair.slice(eq + 1));
      }
    }
  }
  return env;
}

/**
 * Why the worker image would not run a workflow bundle built at image build, or [] when it does: the build
 * stage writes it (scripts/bundle-workflows.ts) and checks it is there, the worker target copies it from the
 * build stage and points WORKFLOW_BUNDLE_PATH at it (unset, the worker would bundle at every start).
 */
export function workflowBundleProblems(stages: readonly DockerStage[]): string[] {
  const problems: string[] = [];
  const bundlePath = stageEnv(stages, 'worker').get('WORKFLOW_BUNDLE_PATH');
  if (bundlePath === undefined) return ['worker target sets no WORKFLOW_BUNDLE_PATH: it bundles at every start'];
  const workdir = effective(stages, 'build', 'WORKDIR') ?? '/';
  const relative = posix.relative(workdir, bundlePath);
  const build = runLines(stageNamed(stages, 'build')).join('\n');
  const written = new RegExp(`\\bnpx tsx scripts/bundle-workflows\\.ts ${relative.replace(/[.]/g, '\\.')}(\\s|$)`);
  if (!written.test(build)) problems.push(`build stage does not write ${relative} with scripts/bundle-workflows.ts`);
  if (!build.includes(`test -f ${relative}`)) problems.push(`build stage does not check that ${relative} was written`);
  // The bundle is made from the compiled workflow code: it must come after `nest build worker`.
  if (build.indexOf('nest build worker') < 0 || build.indexOf('scripts/bundle-workflows.ts') < build.indexOf('nest build worker')) problems.push('the bundle is not written after nest build worker');
  const copied = stageLineage(stages, 'worker')
    .flatMap(copyLines)
    .some((copy) => {
      const [from, source, target] = copy.split(/\s+/);
      if (from !== '--from=build' || source === undefined || target === undefined) return false;
      const into = posix.resolve(effective(stages, 'worker', 'WORKDIR') ?? '/', target);
      return bundlePath.startsWith(`${into}/`) && posix.resolve(workdir, relative).startsWith(`${source}/`);
    });
  if (!copied) problems.push(`worker target does not copy ${bundlePath} from the build stage`);
  return problems;
}

const APPS = ['api', 'worker'] as const;

describe('deployment helpers (so the checks below can actually fail)', () => {
  it.each([
    ['postgres:latest'],
    ['postgres'],
    ['temporalio/ui'],
    ['localhost:5000/onetrip/api'],
    ['node:lts-slim'],
    ['node:alpine'],
    ['postgres:${PG_TAG}'],
    ['postgres@sha256:1234'],
  ])('rejects the unpinned image %s', (image) => {
    expect(imageProblem(image)).toBeDefined();
  });

  it.each([
    ['postgres:16.4-alpine'],
    ['temporalio/server:1.32.0'],
    ['localhost:5000/onetrip/api:0.1.0'],
    [`postgres@sha256:${'a'.repeat(64)}`],
    [`postgres:latest@sha256:${'b'.repeat(64)}`],
  ])('accepts the pinned image %s', (image) => {
    expect(imageProblem(image)).toBeUndefined();
  });

  it('flags a compose file that switches a service to :latest or drops its tag', () => {
    const compose = parseCompose(readRepoFile('docker-compose.yml'));
    serviceOf(compose, 'postgres')['image'] = 'postgres:latest';
    serviceOf(compose, 'temporal-ui')['image'] = 'temporalio/ui';
    expect(composeImageProblems(compose)).toEqual([
      'postgres: postgres:latest: uses latest',
      'temporal-ui: temporalio/ui: no tag (means latest)',
    ]);
  });

  it('flags service_healthy on a service whose healthcheck was removed', () => {
    const compose = parseCompose(readRepoFile('docker-compose.yml'));
    delete serviceOf(compose, 'temporal')['healthcheck'];
    expect(unhealthyDependencies(compose)).toEqual(
      expect.arrayContaining([
        'temporal-namespace waits for temporal to be healthy, but it has no healthcheck',
        'temporal-ui waits for temporal to be healthy, but it has no healthcheck',
      ]),
    );
  });

  it('reads the embedded server and UI versions from `temporal --version`', () => {
    expect(embeddedTemporalVersions('temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)')).toEqual({ server: '1.32.0', ui: '2.54.1' });
    expect(() => embeddedTemporalVersions('temporal version 1.9.1')).toThrow('no server and UI version');
  });

  it('flags a one-shot job that would never complete', () => {
    const compose = parseCompose(readRepoFile('docker-compose.yml'));
    serviceOf(compose, 'temporal-schema')['restart'] = 'unless-stopped';
    expect(endlessJobs(compose)).toEqual(['temporal waits for temporal-schema to complete, but it restarts unless-stopped']);
  });

  it('flags a worker image that would bundle at start, or point at a bundle it never built or copied', () => {
    const dockerfile = readRepoFile('Dockerfile');
    const problems = (edit: (text: string) => string): string[] => workflowBundleProblems(parseDockerfile(edit(dockerfile)));
    expect(problems((text) => text.replace(/^ENV WORKFLOW_BUNDLE_PATH=.*$/m, ''))).toEqual(['worker target sets no WORKFLOW_BUNDLE_PATH: it bundles at every start']);
    expect(problems((text) => text.replace(/^ && npx tsx scripts\/bundle-workflows\.ts .*\n/m, ''))).toEqual([
      'build stage does not write dist/apps/worker/workflow-bundle.js with scripts/bundle-workflows.ts',
      'the bundle is not written after nest build worker',
    ]);
    expect(problems((text) => text.replace('ENV WORKFLOW_BUNDLE_PATH=/app/dist/apps/worker/workflow-bundle.js', 'ENV WORKFLOW_BUNDLE_PATH=/app/workflow-bundle.js'))).toEqual([
      'build stage does not write workflow-bundle.js with scripts/bundle-workflows.ts',
      'build stage does not check that workflow-bundle.js was written',
      'worker target does not copy /app/workflow-bundle.js from the build stage',
    ]);
  });

  it('reads ports, volumes and environment in every compose syntax', () => {
    const service: Mapping = {
      ports: ['127.0.0.1:8233:8080/tcp', 9000, { target: 7233, published: '17233' }],
      volumes: ['data:/var/lib/data:ro', { type: 'bind', source: './x', target: '/x' }],
      environment: ['A=1=2', 'B'],
    };
    expect(portsOf(service)).toEqual([
      { published: '8233', target: '8080' },
      { published: undefined, target: '9000' },
      { published: '17233', target: '7233' },
    ]);
    expect(volumesOf(service)).toEqual([
      { source: 'data', target: '/var/lib/data' },
      { source: './x', target: '/x' },
    ]);
    expect([...environmentOf(service)]).toEqual([
      ['A', '1=2'],
      ['B', undefined],
    ]);
  });

  it('parses Dockerfile stages with comments and continuations', () => {
    const stages = parseDockerfile(
      ['ARG X=1', 'FROM node:20 AS base', '# c', 'RUN a \\', '  && b', 'FROM base AS app', 'CMD ["node","m.js"]'].join('\n'),
    );
    expect(stages.map((s) => [s.base, s.name])).toEqual([
      ['node:20', 'base'],
      ['base', 'app'],
    ]);
    expect(runLines(stageNamed(stages, 'base'))).toEqual(['a && b']);
    expect(stageLineage(stages, 'app').map((s) => s.name)).toEqual(['app', 'base']);
  });
});

describe('docker-compose.yml', () => {
  const compose = parseCompose(readRepoFile('docker-compose.yml'));
  const service = (name: string): Mapping => serviceOf(compose, name);
  const stages = parseDockerfile(readRepoFile('Dockerfile'));

  it('defines the seven services', () => {
    expect(Object.keys(servicesOf(compose))).toEqual(expect.arrayContaining([...SERVICES]));
  });

  it('pins every image to a version tag or digest (never latest)', () => {
    expect(composeImageProblems(compose)).toEqual([]);
    expect(scalarToString(service('postgres')['image'])).toBe('postgres:16.4-alpine');
  });

  it('runs temporalio/server and admin-tools at the server release the tests run, and the UI that goes with it', () => {
    const binary = execFileSync(resolve(REPO_ROOT, 'scripts/ensure-temporal.sh'), { encoding: 'utf8' }).trim();
    const { server, ui } = embeddedTemporalVersions(execFileSync(binary, ['--version'], { encoding: 'utf8' }));
    expect(scalarToString(service('temporal')['image'])).toBe(`temporalio/server:${server}`);
    expect(scalarToString(service('temporal-schema')['image'])).toBe(`temporalio/admin-tools:${server}`);
    expect(scalarToString(service('temporal-namespace')['image'])).toBe(`temporalio/admin-tools:${server}`);
    expect(scalarToString(service('temporal-ui')['image'])).toBe(`temporalio/ui:${ui}`);
    const images = Object.values(servicesOf(compose)).map((s) => (isMapping(s) ? scalarToString(s['image']) : undefined));
    expect(images.filter((image) => image?.includes('auto-setup'))).toEqual([]); // deprecated
  });

  it('sets up the schema before the server starts, and the namespace before the apps start', () => {
    expect(dependsOnOf(service('temporal-schema')).get('postgres')).toBe('service_healthy');
    expect(dependsOnOf(service('temporal')).get('temporal-schema')).toBe('service_completed_successfully');
    expect(dependsOnOf(service('temporal-namespace')).get('temporal')).toBe('service_healthy');
    expect(endlessJobs(compose)).toEqual([]);
    const script = (name: string): string => {
      const entrypoint = service(name)['entrypoint'];
      const path = Array.isArray(entrypoint) ? scalarToString(entrypoint[entrypoint.length - 1]) ?? '' : '';
      const mount = volumesOf(service(name)).find((v) => v.source !== undefined && path.startsWith(`${v.target}/`));
      if (mount?.source === undefined) throw new Error(`${name}: ${path} is not inside a mount`);
      return readFileSync(resolve(REPO_ROOT, mount.source, posix.relative(mount.target, path)), 'utf8');
    };
    const schema = script('temporal-schema');
    for (const database of ['temporal', 'temporal_visibility']) expect(schema).toContain(`${database}:postgresql/v12/`);
    expect(schema).toMatch(/update-schema --schema-name/);
    expect(script('temporal-namespace')).toMatch(/operator namespace create --namespace "\$namespace" --retention/);
    expect(envValue(service('temporal-namespace'), 'TEMPORAL_ADDRESS')).toBe('temporal:7233');
  });

  it('publishes api 3000, temporal 7233 and the UI 8233 -> 8080', () => {
    expect(portsOf(service('api'))).toContainEqual({ published: '3000', target: '3000' });
    expect(portsOf(service('temporal'))).toContainEqual({ published: '7233', target: '7233' });
    expect(portsOf(service('temporal-ui'))).toContainEqual({ published: '8233', target: '8080' });
    expect(envValue(service('temporal-ui'), 'TEMPORAL_ADDRESS')).toBe('temporal:7233');
  });

  it('keeps PostgreSQL data in a declared named volume', () => {
    const mount = volumesOf(service('postgres')).find((v) => v.target === '/var/lib/postgresql/data');
    expect(mount?.source).toMatch(/^[a-zA-Z0-9][\w.-]*$/); // a name, not a ./path bind mount
    const volumes = compose['volumes'];
    expect(isMapping(volumes) && mount?.source !== undefined && mount.source in volumes).toBe(true);
    expect(envValue(service('postgres'), 'POSTGRES_DB')).toBe('onetrip');
  });

  describe.each(APPS)('%s', (app) => {
    it(`builds target ${app} from the repo Dockerfile, and that stage exists`, () => {
      const build = service(app)['build'];
      if (!isMapping(build)) throw new Error(`${app} has no build mapping`);
      const context = resolve(REPO_ROOT, scalarToString(build['context']) ?? '.');
      const dockerfile = resolve(context, scalarToString(build['dockerfile']) ?? 'Dockerfile');
      expect(context).toBe(REPO_ROOT);
      expect(dockerfile).toBe(resolve(REPO_ROOT, 'Dockerfile'));
      expect(existsSync(dockerfile)).toBe(true);
      expect(scalarToString(build['target'])).toBe(app);
      expect(stageNamed(stages, app).name).toBe(app);
    });

    it('reaches PostgreSQL through the postgres service with its credentials', () => {
      const postgres = service('postgres');
      const raw = envValue(service(app), 'DATABASE_URL');
      expect(raw).toBeDefined();
      const url = new URL(raw ?? '');
      expect(['postgres:', 'postgresql:']).toContain(url.protocol);
      expect(url.hostname).toBe('postgres');
      expect(url.port).toBe('5432');
      expect(decodeURIComponent(url.username)).toBe(envValue(postgres, 'POSTGRES_USER'));
      expect(decodeURIComponent(url.password)).toBe(envValue(postgres, 'POSTGRES_PASSWORD'));
      expect(url.pathname).toBe(`/${envValue(postgres, 'POSTGRES_DB') ?? ''}`);
    });

    it('reaches Temporal at temporal:7233 in the namespace temporal-namespace creates', () => {
      const env = environmentOf(service(app));
      expect(env.get('TEMPORAL_ADDRESS')).toBe('temporal:7233');
      expect(env.get('TEMPORAL_NAMESPACE')).toBe(envValue(service('temporal-namespace'), 'NAMESPACE'));
      expect(env.get('TEMPORAL_TASK_QUEUE')).toBe('onetrip');
      expect(env.get('NODE_ENV')).toBe('production');
      expect(env.get('LOG_LEVEL')).toBe('info');
    });

    it('waits for healthy postgres and for the namespace to exist', () => {
      const deps = dependsOnOf(service(app));
      expect(deps.get('postgres')).toBe('service_healthy');
      expect(deps.get('temporal-namespace')).toBe('service_completed_successfully');
    });
  });

  it('gives api and worker the same shared settings', () => {
    for (const key of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE', 'TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEY_ID', 'PERSONAL_DATA_KEYS', 'PERSONAL_DATA_KEY_ID']) {
      expect([key, envValue(service('worker'), key)]).toEqual([key, envValue(service('api'), key)]);
    }
  });

  it('configures the api port on every interface of the container and requires JWT_SECRET from the environment', () => {
    const env = environmentOf(service('api'));
    expect(env.get('API_PORT')).toBe('3000');
    expect(env.get('API_HOST')).toBe('0.0.0.0'); // the default 127.0.0.1 is unreachable through the published port
    expect(env.get('JWT_SECRET')).toMatch(/^\$\{JWT_SECRET:\?[^}]+\}$/);
  });

  it('requires both key rings from the environment (production refuses to start without them)', () => {
    for (const app of ['api', 'worker']) {
      const env = environmentOf(service(app));
      for (const key of ['TEMPORAL_PAYLOAD_KEYS', 'TEMPORAL_PAYLOAD_KEY_ID', 'PERSONAL_DATA_KEYS', 'PERSONAL_DATA_KEY_ID']) {
        expect([app, env.get(key)]).toEqual([app, expect.stringMatching(new RegExp(`^\\$\\{${key}:\\?[^}]+\\}$`))]);
      }
    }
  });

  it('gives the api longer to stop than it drains and finishes requests', () => {
    expect(scalarToString(service('api')['stop_grace_period'])).toBe('30s');
  });

  it('has healthchecks on postgres, temporal and api', () => {
    const postgres = healthcheckOf(service('postgres'));
    const temporal = healthcheckOf(service('temporal'));
    const api = healthcheckOf(service('api'));
    expect(postgres?.disabled).toBe(false);
    expect(postgres?.command).toContain('pg_isready');
    expect(temporal?.disabled).toBe(false);
    expect(temporal?.command).toMatch(/\bnc -z 127\.0\.0\.1 7233\b/);
    expect(envValue(service('temporal'), 'BIND_ON_IP')).toBe('0.0.0.0'); // reachable by name, checkable on loopback
    expect(api?.disabled).toBe(false);
    expect(api?.command).toContain('http://localhost:3000/api/health/ready');
    expect(api?.command).not.toMatch(/\bcurl\b|\bwget\b/); // not in node:*-slim
  });

  it('only waits on services that have a healthcheck', () => {
    expect(dependsOnOf(service('temporal-ui')).get('temporal')).toBe('service_healthy');
    expect(unhealthyDependencies(compose)).toEqual([]);
  });

  it('points the worker at the workflow bundle its image carries', () => {
    const bundlePath = stageEnv(stages, 'worker').get('WORKFLOW_BUNDLE_PATH');
    expect(bundlePath).toBe('/app/dist/apps/worker/workflow-bundle.js');
    expect(envValue(service('worker'), 'WORKFLOW_BUNDLE_PATH')).toBe(bundlePath);
  });

  it('runs the notification relay from the worker image with its own entry point and the shared settings', () => {
    const relay = service('relay');
    expect(relay['build']).toEqual(service('worker')['build']);
    expect(relay['command']).toEqual(['node', 'dist/apps/worker/apps/worker/src/relay/relay-main.js']);
    for (const key of ['DATABASE_URL', 'PERSONAL_DATA_KEYS', 'PERSONAL_DATA_KEY_ID']) expect([key, envValue(relay, key)]).toEqual([key, envValue(service('worker'), key)]);
    expect(portsOf(relay)).toEqual([]);
  });

  it('lets the worker scale: no host ports, no fixed container name, replicas, restart', () => {
    const worker = service('worker');
    expect(portsOf(worker)).toEqual([]);
    expect(worker['container_name']).toBeUndefined();
    const deploy = worker['deploy'];
    expect(isMapping(deploy) ? deploy['replicas'] : undefined).toBe(2);
    expect(worker['restart']).toBe('unless-stopped');
  });

  it.each(['temporal-schema', 'temporal'])('points %s at the postgres service with the same credentials', (name) => {
    const temporal = environmentOf(service(name));
    const postgres = service('postgres');
    expect(temporal.get('DB')).toBe('postgres12');
    expect(temporal.get('DB_PORT')).toBe('5432');
    expect(temporal.get('POSTGRES_SEEDS')).toBe('postgres');
    expect(temporal.get('POSTGRES_USER')).toBe(envValue(postgres, 'POSTGRES_USER'));
    expect(temporal.get('POSTGRES_PWD')).toBe(envValue(postgres, 'POSTGRES_PASSWORD'));
  });

  it('mounts the Temporal dynamic config file from deploy/', () => {
    const path = envValue(service('temporal'), 'DYNAMIC_CONFIG_FILE_PATH') ?? '';
    const containerPath = posix.resolve('/etc/temporal', path); // relative paths start at the image WORKDIR
    const mount = volumesOf(service('temporal')).find(
      (v) => v.source !== undefined && containerPath.startsWith(`${v.target.replace(/\/$/, '')}/`),
    );
    if (mount?.source === undefined) throw new Error(`${containerPath} is not inside a bind mount`);
    const hostPath = resolve(REPO_ROOT, mount.source, posix.relative(mount.target, containerPath));
    expect(hostPath.startsWith(resolve(REPO_ROOT, 'deploy'))).toBe(true);
    expect(existsSync(hostPath) && statSync(hostPath).isFile()).toBe(true);
    const doc = parseDocument(readFileSync(hostPath, 'utf8'));
    expect(doc.errors).toEqual([]);
    expect(isMapping(doc.toJS())).toBe(true);
  });
});

describe('Dockerfile', () => {
  const stages = parseDockerfile(readRepoFile('Dockerfile'));
  const names = new Set(stages.map((s) => s.name));

  it('starts every external stage from pinned node:20.19-bookworm-slim', () => {
    const external = stages.filter((s) => !names.has(s.base));
    expect(external.length).toBeGreaterThan(0);
    for (const stage of external) {
      expect(imageProblem(stage.base)).toBeUndefined();
      expect(stage.base).toBe('node:20.19-bookworm-slim');
    }
  });

  it('installs locked dependencies and builds both apps', () => {
    expect(runLines(stageNamed(stages, 'deps')).join('\n')).toMatch(/\bnpm ci\b/);
    const build = runLines(stageNamed(stages, 'build')).join('\n');
    expect(build).toContain('nest build api');
    expect(build).toContain('nest build worker');
    expect(stageLineage(stages, 'build').map((s) => s.name)).toContain('deps');
  });

  it.each([
    ['api', 'dist/apps/api/apps/api/src/main.js'],
    ['worker', 'dist/apps/worker/apps/worker/src/main.js'],
  ])('target %s runs %s as a non-root user with production dependencies only', (target, entry) => {
    expect(execForm(effective(stages, target, 'CMD') ?? 'null')).toEqual(['node', entry]);
    expect(effective(stages, target, 'USER')).toBe('node');
    const lineage = stageLineage(stages, target);
    const installs = lineage.flatMap(runLines).filter((run) => /\bnpm (ci|install|i)\b/.test(run));
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install).toContain('--omit=dev');
    // the compiled app comes from the build stage, not from the build context
    const copies = lineage.flatMap(copyLines);
    expect(copies.some((c) => c.includes('--from=build') && c.includes(`dist/apps/${target}`))).toBe(true);
  });

  it('exposes 3000 on the api target', () => {
    expect(stageNamed(stages, 'api').instructions).toContainEqual({ keyword: 'EXPOSE', args: '3000' });
  });

  it('bundles the workflow code at image build and runs the worker from that bundle, and builds the web pages the api serves', () => {
    const build = runLines(stageNamed(stages, 'build')).join('\n');
    expect(build).toContain('test -f dist/apps/worker/libs/workflows/src/workflows/index.js');
    expect(workflowBundleProblems(stages)).toEqual([]);
    expect(existsSync(resolve(REPO_ROOT, 'scripts/bundle-workflows.ts'))).toBe(true);
    expect(build).toContain('npm run build --prefix web');
    const apiCopies = stageLineage(stages, 'api').flatMap(copyLines);
    expect(apiCopies.some((c) => c.includes('--from=build') && c.includes('web/dist'))).toBe(true);
  });
});

describe('.dockerignore', () => {
  it('keeps local dependencies, build output, data and VCS out of the build context', () => {
    const entries = readRepoFile('.dockerignore')
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '' && !line.startsWith('#'));
    expect(entries).toEqual(
      expect.arrayContaining(['node_modules', 'dist', '.data', '.tools', '.git', 'test-results', 'coverage']),
    );
  });
});
