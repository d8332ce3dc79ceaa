import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Redis } from 'ioredis';
import { relayQueueKey } from '@tollgate/access-state';
import { loadConfig } from '@tollgate/config';
import { MetricsService } from '@tollgate/metrics';
import {
  CHART,
  containerEnv,
  find,
  helm,
  helmBinary,
  type Manifest,
  render,
  schemaProblems,
  unknownFieldProblems,
} from './support/helm-chart';
import { dropStack, startWorker } from './support/apps';
import { testConfig } from './support/test-config';

/**
 * The Helm chart (deploy/helm/tollgate), checked without a cluster: `helm lint`, then `helm template`
 * with the default values and with the cluster values (ci/cluster-values.yaml), every object
 * validated offline against its Kubernetes, KEDA or prometheus-operator schema and checked for
 * unknown fields; then what the objects must say for Tollgate to run as documented.
 */
const ROOT = resolve(__dirname, '..');
const CLUSTER_VALUES = resolve(CHART, 'ci/cluster-values.yaml');
const SECRETS = {
  'tollgate-secrets/operator-key': 'operator-key-of-at-least-16',
  'tollgate-secrets/secret-pepper': 'pepper-of-at-least-16-chars',
  'tollgate-mongo/mongo-username': 'tg-store-user',
  'tollgate-mongo/mongo-password': 'p%40ss',
  'tollgate-redis/redis-password': 'redis-secret',
};

let bin: string;
let defaults: Manifest[];
let cluster: Manifest[];

beforeAll(() => {
  bin = helmBinary();
  defaults = render(bin);
  cluster = render(bin, { values: [CLUSTER_VALUES] });
}, 60_000);

const deployments = (ms: Manifest[]) => ms.filter((m) => m.kind === 'Deployment');
const container = (d: Manifest) => d.spec.template.spec.containers[0];
const podLabels = (d: Manifest) => d.spec.template.metadata.labels as Record<string, string>;
const selects = (selector: Record<string, string>, labels: Record<string, string>) =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);

describe('helm lint and schemas', () => {
  it('lints clean with the default and the cluster values', () => {
    for (const values of [[], ['--values', CLUSTER_VALUES]]) {
      const { status, out } = helm(bin, ['lint', '--strict', CHART, ...values]);
      expect(status, out).toBe(0);
    }
  });

  it('renders only objects that validate against their schemas', () => {
    expect(schemaProblems(defaults)).toEqual([]);
    expect(schemaProblems(cluster)).toEqual([]);
    expect(defaults.map((m) => m.kind).sort()).toEqual([
      'Deployment',
      'Deployment',
      'HorizontalPodAutoscaler',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'PodDisruptionBudget',
      'Service',
      'Service',
      'ServiceAccount',
    ]);
    expect(cluster.map((m) => m.kind).sort()).toEqual([
      'Deployment',
      'Deployment',
      'HorizontalPodAutoscaler',
      'Ingress',
      'PodDisruptionBudget',
      'PodDisruptionBudget',
      'ScaledObject',
      'Service',
      'Service',
      'ServiceAccount',
      'ServiceMonitor',
      'ServiceMonitor',
      'TriggerAuthentication',
    ]);
  });

  it('uses no field the schemas do not define (a misspelt field would be dropped on apply)', () => {
    expect(unknownFieldProblems(defaults, 'defaults')).toEqual([]);
    expect(unknownFieldProblems(cluster, 'cluster')).toEqual([]);
    // The check itself finds a misspelt field.
    const broken = structuredClone(find(defaults, 'Deployment', '-api'));
    container(broken).readinessprobe = container(broken).readinessProbe;
    expect(unknownFieldProblems([broken], 'broken').join('\n')).toMatch(/readinessprobe/);
  }, 60_000);

  it('refuses values that cannot work, naming them', () => {
    expect(() => render(bin, { set: ['mongo.hosts=null'] })).toThrow(/\/mongo'?: missing property 'hosts'/);
    expect(() => render(bin, { setJson: ['mongo.hosts=[]'] })).toThrow(/mongo\.hosts/);
    expect(() => render(bin, { set: ['redis.host='] })).toThrow(/redis\.host/);
    expect(() => render(bin, { set: ['config.throttleRedisFailure=maybe'] })).toThrow(/throttleRedisFailure/);
    expect(() => render(bin, { set: ['redis.prefix=has space'] })).toThrow(/prefix/);
    expect(() => render(bin, { set: ['publicUrl=api.example.com'] })).toThrow(/publicUrl/);
    expect(() => render(bin, { set: ['ingress.enabled=true'] })).toThrow(/ingress\.hosts/);
  });
});

describe('what the objects say', () => {
  it('runs both processes non-root, on a read-only root filesystem, with no capabilities, and resources set', () => {
    for (const d of [...deployments(defaults), ...deployments(cluster)]) {
      const pod = d.spec.template.spec;
      const c = container(d);
      expect(pod.securityContext, d.metadata.name).toMatchObject({
        runAsNonRoot: true,
        runAsUser: 1000,
        seccompProfile: { type: 'RuntimeDefault' },
      });
      expect(c.securityContext, d.metadata.name).toMatchObject({
        readOnlyRootFilesystem: true,
        allowPrivilegeEscalation: false,
        privileged: false,
        capabilities: { drop: ['ALL'] },
      });
      expect(pod.automountServiceAccountToken).toBe(false);
      // The one writable place, memory-backed.
      expect(c.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
      expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { medium: 'Memory', sizeLimit: '64Mi' } }]);
      expect(
        c.resources.requests.cpu && c.resources.requests.memory && c.resources.limits.memory,
        d.metadata.name,
      ).toBeTruthy();
      // V8's heap stays below the memory limit, so the process collects garbage before it is killed.
      const heapMb = Number(/--max-old-space-size=(\d+)/.exec(containerEnv(c, SECRETS).NODE_OPTIONS)![1]);
      expect(heapMb * 1024 * 1024).toBeLessThan(0.8 * parseQuantity(c.resources.limits.memory));
      // The image's entry points.
      expect(c.command).toEqual(['node', `dist/apps/${d.metadata.name.endsWith('-api') ? 'api' : 'worker'}/main.js`]);
    }
    // The Dockerfile's user is the one the pods run as (uid 1000 is `node` in the official image).
    expect(readFileSync(resolve(ROOT, 'Dockerfile'), 'utf8')).toMatch(/^USER node$/m);
  });

  it('gives each process an environment its own config validation accepts, secrets by reference only', () => {
    const knownNames = configVariableNames();
    for (const [ms, label] of [
      [defaults, 'defaults'],
      [cluster, 'cluster'],
    ] as const) {
      for (const d of deployments(ms)) {
        const role = d.metadata.name.endsWith('-api') ? 'api' : 'worker';
        const c = container(d);
        const byName = Object.fromEntries(c.env.map((e: any) => [e.name, e]));
        for (const name of ['OPERATOR_KEY', 'SECRET_PEPPER'])
          expect(byName[name].valueFrom.secretKeyRef, `${label} ${role} ${name}`).toEqual({
            name: 'tollgate-secrets',
            key: name === 'OPERATOR_KEY' ? 'operator-key' : 'secret-pepper',
          });
        // No secret value is ever written into a manifest.
        for (const secret of Object.values(SECRETS)) expect(JSON.stringify(ms)).not.toContain(secret);
        for (const e of c.env)
          expect(knownNames, `${label} ${role} sets ${e.name}, which nothing reads`).toContain(e.name);
        const env = containerEnv(c, SECRETS);
        const config = loadConfig(env, role, { localDir: '/nonexistent' });
        expect(config.nodeEnv).toBe('production');
        expect(config.host).toBe('0.0.0.0');
        if (role === 'worker') expect(config.workerPort).toBe(3001);
        else expect(config.port).toBe(3000);
        // The store's write concern is in its connection string: an acknowledged write survives the
        // loss of the primary.
        const mongo = seedListUrl(env.MONGO_URL);
        expect(Object.fromEntries(mongo.searchParams)).toMatchObject({
          w: 'majority',
          journal: 'true',
          wtimeoutMS: '10000',
        });
        if (label === 'cluster') {
          expect(config).toMatchObject({ redisCluster: true, publicUrl: 'https://api.example.com' });
          expect(config.redisUrl).toBe('rediss://:redis-secret@redis-cluster:6379');
          expect(mongo.username).toBe('tg-store-user');
          expect(decodeURIComponent(mongo.password)).toBe('p@ss');
          expect(mongo.host).toBe('mongo-0.mongo:27017,mongo-1.mongo:27017,mongo-2.mongo:27017');
          expect(Object.fromEntries(mongo.searchParams)).toMatchObject({
            replicaSet: 'rs0',
            authSource: 'admin',
            tls: 'true',
          });
        } else {
          expect(config).toMatchObject({
            redisCluster: false,
            redisUrl: 'redis://redis:6379',
            mongoUrl: expect.stringMatching(/^mongodb:\/\/mongodb:27017\/tollgate\?/),
          });
          // Without a public URL or an ingress, the in-cluster address of the api Service.
          expect(config.publicUrl).toBe('http://tg-tollgate-api.tollgate.svc');
        }
      }
    }
  });

  it('probes the health routes: ready (store, Redis, indexes) to start, live afterwards', () => {
    const api = find(defaults, 'Deployment', '-api');
    const c = container(api);
    expect(c.startupProbe.httpGet).toEqual({ path: '/health/ready', port: 'http' });
    expect(c.readinessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(c.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'http' });
    expect(c.ports).toEqual([{ name: 'http', containerPort: 3000, protocol: 'TCP' }]);
    // A new version serves only once ready; the old one keeps serving until then.
    expect(api.spec.strategy.rollingUpdate.maxUnavailable).toBe(0);
    const worker = container(find(defaults, 'Deployment', '-worker'));
    expect(worker.startupProbe.httpGet).toEqual({ path: '/health/ready', port: 'metrics' });
    expect(worker.livenessProbe.httpGet).toEqual({ path: '/health/live', port: 'metrics' });
    expect(worker.ports).toEqual([{ name: 'metrics', containerPort: 3001, protocol: 'TCP' }]);
  });

  it('wires services, autoscalers and budgets to the pods they mean', () => {
    for (const ms of [defaults, cluster]) {
      for (const component of ['api', 'worker']) {
        const d = find(ms, 'Deployment', `-${component}`);
        const labels = podLabels(d);
        expect(selects(d.spec.selector.matchLabels, labels)).toBe(true);
        const svc = find(ms, 'Service', `-${component}`);
        expect(selects(svc.spec.selector, labels)).toBe(true);
        expect(svc.spec.ports.map((p: any) => p.targetPort)).toEqual(container(d).ports.map((p: any) => p.name));
        const pdb = find(ms, 'PodDisruptionBudget', `-${component}`);
        expect(selects(pdb.spec.selector.matchLabels, labels)).toBe(true);
        expect(pdb.spec.maxUnavailable).toBe(1);
        // A Deployment owned by an autoscaler leaves its replica count to it.
        expect(d.spec.replicas).toBeUndefined();
      }
      // The api scales on CPU.
      const hpa = find(ms, 'HorizontalPodAutoscaler', '-api');
      expect(hpa.spec.scaleTargetRef).toEqual({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        name: find(ms, 'Deployment', '-api').metadata.name,
      });
      expect(hpa.spec.metrics[0].resource).toEqual({
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: 70 },
      });
    }
    // Without KEDA the worker has an HPA on CPU; with KEDA, KEDA's ScaledObject alone (two
    // autoscalers on one Deployment would fight).
    expect(find(defaults, 'HorizontalPodAutoscaler', '-worker').spec.scaleTargetRef.name).toBe(
      find(defaults, 'Deployment', '-worker').metadata.name,
    );
    expect(cluster.filter((m) => m.kind === 'HorizontalPodAutoscaler').map((m) => m.metadata.name)).toEqual([
      'tg-tollgate-api',
    ]);
  });

  it('scales the worker with KEDA on the wait lists, the relay backlog metric and CPU', () => {
    const so = find(cluster, 'ScaledObject', '-worker');
    expect(so.spec.scaleTargetRef.name).toBe(find(cluster, 'Deployment', '-worker').metadata.name);
    const [usage, alerts, relay, cpu] = so.spec.triggers;
    // On a cluster the queue's prefix is one hash tag (libs/platform/queue), and KEDA's cluster list scaler reads it.
    expect(usage).toMatchObject({
      type: 'redis-cluster',
      metadata: { addresses: 'redis-cluster:6379', listName: '{tg-bull}:usage:wait', enableTLS: 'true' },
      authenticationRef: { name: 'tg-tollgate-worker-redis' },
    });
    expect(alerts.metadata.listName).toBe('{tg-bull}:alerts:wait');
    const auth = find(cluster, 'TriggerAuthentication', '-worker-redis');
    expect(auth.spec.secretTargetRef).toEqual([
      { parameter: 'password', name: 'tollgate-redis', key: 'redis-password' },
    ]);
    // The relay backlog is a sorted set: Prometheus reads the size the workers export.
    expect(relay).toMatchObject({
      type: 'prometheus',
      metadata: { query: 'max(tollgate_usage_relay_accounts{namespace="tollgate",job="tg-tollgate-worker"})' },
    });
    expect(readFileSync(resolve(ROOT, 'libs/platform/metrics/metrics.service.ts'), 'utf8')).toContain(
      "name: 'tollgate_usage_relay_accounts'",
    );
    expect(cpu).toMatchObject({ type: 'cpu', metricType: 'Utilization', metadata: { value: '70' } });
  });

  it('scrapes both processes with the operator key from the Secret', () => {
    for (const component of ['api', 'worker']) {
      const sm = find(cluster, 'ServiceMonitor', `-${component}`);
      const svc = find(cluster, 'Service', `-${component}`);
      expect(selects(sm.spec.selector.matchLabels, svc.metadata.labels!)).toBe(true);
      expect(sm.metadata.labels).toMatchObject({ release: 'prometheus' });
      const [endpoint] = sm.spec.endpoints;
      expect(svc.spec.ports.map((p: any) => p.name)).toContain(endpoint.port);
      expect(endpoint).toMatchObject({
        path: '/metrics',
        authorization: { type: 'Bearer', credentials: { name: 'tollgate-secrets', key: 'operator-key' } },
      });
    }
  });

  it('publishes the api through an Ingress with TLS', () => {
    const ing = find(cluster, 'Ingress', '-api');
    expect(ing.spec.tls).toEqual([{ secretName: 'api-example-com-tls', hosts: ['api.example.com'] }]);
    expect(ing.spec.rules[0]).toMatchObject({
      host: 'api.example.com',
      http: {
        paths: [
          { path: '/', pathType: 'Prefix', backend: { service: { name: 'tg-tollgate-api', port: { name: 'http' } } } },
        ],
      },
    });
    // Without publicUrl, the ingress host (https, as TLS covers it) is the public URL.
    const derived = render(bin, { values: [CLUSTER_VALUES], set: ['publicUrl='] });
    expect(containerEnv(container(find(derived, 'Deployment', '-api')), SECRETS).PUBLIC_URL).toBe(
      'https://api.example.com',
    );
  });
});

describe('what KEDA reads exists where the chart says', () => {
  it('names the standalone usage wait list as BullMQ does for this prefix, and the worker exports the relay backlog', async () => {
    const config = testConfig('worker');
    const worker = await startWorker(config);
    const redis = new Redis(config.redisUrl);
    try {
      const so = find(
        render(bin, { set: ['keda.enabled=true', `redis.prefix=${config.redisPrefix}`] }),
        'ScaledObject',
        '-worker',
      );
      expect(so.spec.triggers[0]).toMatchObject({
        type: 'redis',
        metadata: { address: 'redis:6379', listName: worker.usageQueue.toKey('wait') },
      });
      // Two accounts waiting for the relay, leased by another worker for a minute (so this one's
      // relay leaves them alone): the worker's own /metrics reports them.
      const leasedUntil = Date.now() + 60_000;
      await redis.zadd(relayQueueKey(config.redisPrefix), leasedUntil, 'acc_waiting_1', leasedUntil, 'acc_waiting_2');
      expect(await worker.app.get(MetricsService).render()).toMatch(/^tollgate_usage_relay_accounts 2$/m);
    } finally {
      redis.disconnect();
      await worker.close();
      await dropStack(config);
    }
  });
});

/** Every environment variable some part of Tollgate (or Node.js) reads, from the sources. */
function configVariableNames(): string[] {
  const names = new Set(['NODE_OPTIONS']);
  const sources = ['libs/platform/config/config.loader.ts', 'apps/worker/worker-options.ts'].map((f) =>
    readFileSync(resolve(ROOT, f), 'utf8'),
  );
  for (const src of sources) for (const m of src.matchAll(/(?:env\.|['"])([A-Z][A-Z0-9_]{2,})\b/g)) names.add(m[1]);
  // Only there to assemble the connection URLs ($(VAR) expansion).
  for (const helper of ['MONGO_USERNAME', 'MONGO_PASSWORD', 'REDIS_USERNAME', 'REDIS_PASSWORD']) names.add(helper);
  return [...names];
}

/** The parts of a MongoDB connection string, seed lists included (which WHATWG URLs refuse). */
function seedListUrl(raw: string): { username: string; password: string; host: string; searchParams: URLSearchParams } {
  const m = /^mongodb:\/\/(?:([^:@/]*):([^@/]*)@)?([^/?]+)\/[^?]*\?(.*)$/.exec(raw);
  if (!m) throw new Error(`not a mongodb:// connection string with options: ${raw}`);
  return { username: m[1] ?? '', password: m[2] ?? '', host: m[3], searchParams: new URLSearchParams(m[4]) };
}

/** A Kubernetes memory quantity (Mi, Gi, M, G or bytes) in bytes. */
function parseQuantity(q: string): number {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|K|M|G)?$/.exec(q);
  if (!m) throw new Error(`unexpected quantity ${q}`);
  const unit = { Ki: 1024, Mi: 1024 ** 2, Gi: 1024 ** 3, K: 1e3, M: 1e6, G: 1e9 }[m[2] ?? ''] ?? 1;
  return Number(m[1]) * unit;
}
