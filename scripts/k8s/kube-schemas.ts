// Kubernetes JSON schemas for kubeconform, made offline from the API's own OpenAPI document (the
// swagger.json that ships in the Go module k8s.io/kubernetes; scripts/k8s/ensure-k8s-tools.sh fetches it).
// kubeconform's usual schemas are downloaded from GitHub, which this project cannot reach.
import * as fs from 'node:fs';
import * as path from 'node:path';

type Schema = Record<string, unknown>;
interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

const REF = '#/definitions/';
// Two types the OpenAPI document declares as strings that Kubernetes also takes as numbers.
const WIDENED: Record<string, Schema> = {
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { oneOf: [{ type: 'string' }, { type: 'integer' }] },
  'io.k8s.apimachinery.pkg.api.resource.Quantity': { oneOf: [{ type: 'string' }, { type: 'number' }] },
};

/** The file name kubeconform looks for with `-schema-location DIR/{{ .ResourceKind }}{{ .KindSuffix }}.json`. */
export function schemaFileName(gvk: GroupVersionKind): string {
  const group = gvk.group === '' ? '' : `-${gvk.group.split('.')[0]?.toLowerCase() ?? ''}`;
  return `${gvk.kind.toLowerCase()}${group}-${gvk.version.toLowerCase()}.json`;
}

/** A copy where every object that lists its properties accepts no others (kubeconform -strict). */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Schema = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = key === 'properties' ? Object.fromEntries(Object.entries(value as Schema).map(([name, property]) => [name, strict(property)])) : strict(value);
  if (copy.properties !== undefined && copy.additionalProperties === undefined) copy.additionalProperties = false;
  return copy;
}

function references(schema: unknown, found: Set<string>): void {
  if (Array.isArray(schema)) return schema.forEach((item) => references(item, found));
  if (typeof schema !== 'object' || schema === null) return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith(REF)) found.add(value.slice(REF.length));
    else references(value, found);
  }
}

/** The definitions `name` needs, itself included (the transitive closure of its $refs). */
function closure(definitions: Record<string, Schema>, name: string): string[] {
  const seen = new Set<string>([name]);
  const queue = [name];
  while (queue.length > 0) {
    const next = new Set<string>();
    references(definitions[queue.pop() ?? ''], next);
    for (const ref of next) {
      if (seen.has(ref)) continue;
      seen.add(ref);
      queue.push(ref);
    }
  }
  return [...seen];
}

/**
 * Writes one standalone strict schema per kind (each with the definitions it refers to) into `outDir`,
 * once: a marker file names the document they came from. Returns the number of kinds.
 */
export function writeKubeconformSchemas(swaggerFile: string, outDir: string): number {
  const marker = path.join(outDir, '.source');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === path.basename(swaggerFile)) return fs.readdirSync(outDir).filter((f) => f.endsWith('.json')).length;
  const document = JSON.parse(fs.readFileSync(swaggerFile, 'utf8')) as { definitions: Record<string, Schema> };
  const definitions = Object.fromEntries(Object.entries(document.definitions).map(([name, schema]) => [name, WIDENED[name] ?? (strict(schema) as Schema)]));
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  let kinds = 0;
  for (const [name, schema] of Object.entries(definitions)) {
    const gvks = (document.definitions[name]?.['x-kubernetes-group-version-kind'] ?? []) as GroupVersionKind[];
    // Kinds shared by every group (DeleteOptions, WatchEvent) are not manifests.
    if (gvks.length !== 1 || gvks[0] === undefined) continue;
    const needed = closure(definitions, name).filter((ref) => ref !== name);
    const standalone: Schema = { ...schema, definitions: Object.fromEntries(needed.map((ref) => [ref, definitions[ref] ?? {}])) };
    fs.writeFileSync(path.join(outDir, schemaFileName(gvks[0])), JSON.stringify(standalone));
    kinds += 1;
  }
  fs.writeFileSync(marker, path.basename(swaggerFile));
  return kinds;
}
