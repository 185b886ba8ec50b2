import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { schemaFileName, writeKubeconformSchemas } from './kube-schemas';

describe('Kubernetes schemas for kubeconform, from the OpenAPI document', () => {
  it('names files the way kubeconform looks for them ({{ .ResourceKind }}{{ .KindSuffix }}.json)', () => {
    expect(schemaFileName({ group: 'apps', version: 'v1', kind: 'Deployment' })).toBe('deployment-apps-v1.json');
    expect(schemaFileName({ group: '', version: 'v1', kind: 'Service' })).toBe('service-v1.json');
    expect(schemaFileName({ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress' })).toBe('ingress-networking-v1.json');
    expect(schemaFileName({ group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' })).toBe('horizontalpodautoscaler-autoscaling-v2.json');
  });

  it('writes one strict standalone schema per kind, with only the definitions it refers to, and widens int-or-string', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'onetrip-schemas-'));
    const swagger = path.join(dir, 'swagger-test.json');
    fs.writeFileSync(
      swagger,
      JSON.stringify({
        definitions: {
          'io.k8s.api.apps.v1.Widget': {
            type: 'object',
            properties: { apiVersion: { type: 'string' }, kind: { type: 'string' }, spec: { $ref: '#/definitions/io.k8s.api.apps.v1.WidgetSpec' } },
            'x-kubernetes-group-version-kind': [{ group: 'apps', version: 'v1', kind: 'Widget' }],
          },
          'io.k8s.api.apps.v1.WidgetSpec': { type: 'object', properties: { port: { $ref: '#/definitions/io.k8s.apimachinery.pkg.util.intstr.IntOrString' }, labels: { type: 'object', additionalProperties: { type: 'string' } } } },
          'io.k8s.apimachinery.pkg.util.intstr.IntOrString': { type: 'string', format: 'int-or-string' },
          'io.k8s.api.core.v1.Unrelated': { type: 'object', properties: { x: { type: 'string' } } },
          'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions': {
            type: 'object',
            properties: {},
            'x-kubernetes-group-version-kind': [
              { group: '', version: 'v1', kind: 'DeleteOptions' },
              { group: 'apps', version: 'v1', kind: 'DeleteOptions' },
            ],
          },
        },
      }),
    );
    const out = path.join(dir, 'schemas');
    expect(writeKubeconformSchemas(swagger, out)).toBe(1);
    const schema = JSON.parse(fs.readFileSync(path.join(out, 'widget-apps-v1.json'), 'utf8')) as { additionalProperties: boolean; definitions: Record<string, { additionalProperties?: unknown; oneOf?: unknown }> };
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.definitions).sort()).toEqual(['io.k8s.api.apps.v1.WidgetSpec', 'io.k8s.apimachinery.pkg.util.intstr.IntOrString']);
    expect(schema.definitions['io.k8s.api.apps.v1.WidgetSpec']?.additionalProperties).toBe(false);
    expect(schema.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']).toEqual({ oneOf: [{ type: 'string' }, { type: 'integer' }] });
    // A second call reuses what the first wrote.
    fs.writeFileSync(path.join(out, 'widget-apps-v1.json'), '{}');
    expect(writeKubeconformSchemas(swagger, out)).toBe(1);
    expect(fs.readFileSync(path.join(out, 'widget-apps-v1.json'), 'utf8')).toBe('{}');
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
