import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';

const ROOT = resolve(__dirname, '../..');
export const CHART = resolve(ROOT, 'deploy/helm/tollgate');

/** A rendered Kubernetes object, as plain data. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any;
  [key: string]: any;
}

/**
 * The kinds the chart may render, each with its model (schema validator) and the module and type
 * name of its TypeScript declaration (for the unknown-field check).
 */
// (The models' own types come through a package the repository's node10 resolution cannot read, so
// they are taken as constructors of something with validate(), which they are.)
const MODELS: Record<string, { model: new (data: any) => unknown; module: string; type: string }> = {
  'v1/Service': { model: Service, module: 'kubernetes-models/v1/Service', type: 'IService' },
  'v1/ServiceAccount': {
    model: ServiceAccount,
    module: 'kubernetes-models/v1/ServiceAccount',
    type: 'IServiceAccount',
  },
  'apps/v1/Deployment': { model: Deployment, module: 'kubernetes-models/apps/v1/Deployment', type: 'IDeployment' },
  'autoscaling/v2/HorizontalPodAutoscaler': {
    model: HorizontalPodAutoscaler,
    module: 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler',
    type: 'IHorizontalPodAutoscaler',
  },
  'policy/v1/PodDisruptionBudget': {
    model: PodDisruptionBudget,
    module: 'kubernetes-models/policy/v1/PodDisruptionBudget',
    type: 'IPodDisruptionBudget',
  },
  'networking.k8s.io/v1/Ingress': {
    model: Ingress,
    module: 'kubernetes-models/networking.k8s.io/v1/Ingress',
    type: 'IIngress',
  },
  'keda.sh/v1alpha1/ScaledObject': {
    model: ScaledObject,
    module: '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject',
    type: 'IScaledObject',
  },
  'keda.sh/v1alpha1/TriggerAuthentication': {
    model: TriggerAuthentication,
    module: '@kubernetes-models/keda/keda.sh/v1alpha1/TriggerAuthentication',
    type: 'ITriggerAuthentication',
  },
  'monitoring.coreos.com/v1/ServiceMonitor': {
    model: ServiceMonitor,
    module: '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor',
    type: 'IServiceMonitor',
  },
};

const kindKey = (m: Pick<Manifest, 'apiVersion' | 'kind'>) => `${m.apiVersion}/${m.kind}`;

/** The pinned Helm, built into the tool cache by scripts/helm.sh (scripts/test.sh does it before Vitest). */
export function helmBinary(): string {
  return execFileSync('bash', [resolve(ROOT, 'scripts/helm.sh'), 'install'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}

/** Runs Helm with its caches kept out of $HOME (as scripts/helm.sh does); returns status and output. */
export function helm(bin: string, args: string[]): { status: number; out: string } {
  const home = join(ROOT, '.local/helm-home');
  const res = spawnSync(bin, args, {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: home,
      HELM_CACHE_HOME: join(home, 'cache'),
      HELM_CONFIG_HOME: join(home, 'config'),
      HELM_DATA_HOME: join(home, 'data'),
    },
    timeout: 60_000,
  });
  return { status: res.status ?? 1, out: `${res.stdout}${res.stderr}` };
}

/** `helm template` with the given values files and --set flags; throws with Helm's message on failure. */
export function render(
  bin: string,
  opts: { values?: string[]; set?: string[]; setJson?: string[]; namespace?: string } = {},
): Manifest[] {
  const args = ['template', 'tg', CHART, '--namespace', opts.namespace ?? 'tollgate'];
  for (const v of opts.values ?? []) args.push('--values', v);
  for (const s of opts.set ?? []) args.push('--set', s);
  for (const s of opts.setJson ?? []) args.push('--set-json', s);
  const { status, out } = helm(bin, args);
  if (status !== 0) throw new Error(out);
  return parseAllDocuments(out)
    .map((d) => {
      if (d.errors.length) throw new Error(`rendered YAML does not parse: ${d.errors[0].message}`);
      return d.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => !!m);
}

/**
 * Validates every object against its Kubernetes (or KEDA, prometheus-operator) schema, offline:
 * types, enums, required fields. Returns one line per problem; a kind the chart should not render
 * is a problem too.
 */
export function schemaProblems(manifests: Manifest[]): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    const known = MODELS[kindKey(m)];
    if (!known) {
      problems.push(`${kindKey(m)} ${m.metadata?.name}: no schema for this kind`);
      continue;
    }
    try {
      (new known.model(m) as { validate(): void }).validate();
    } catch (err) {
      problems.push(`${kindKey(m)} ${m.metadata?.name}: ${(err as Error).message}`);
    }
  }
  return problems;
}

/**
 * The schemas above do not refuse unknown fields (Kubernetes' OpenAPI leaves them open, and the API
 * server only warns about them), so a misspelt field would pass and be dropped on apply. The same
 * packages' type declarations are closed: each object is written as a TypeScript literal of its
 * kind's type and compiled, and the compiler's excess-property errors name every unknown field.
 */
export function unknownFieldProblems(manifests: Manifest[], name: string): string[] {
  const dir = join(ROOT, '.local/helm-check');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.ts`);
  const imports = new Set<string>();
  const lines: string[] = [];
  manifests.forEach((m, i) => {
    const known = MODELS[kindKey(m)];
    if (!known) return;
    imports.add(`import type { ${known.type} } from '${known.module}';`);
    lines.push(
      `// ${kindKey(m)} ${m.metadata.name}`,
      `export const m${i}: ${known.type} = ${JSON.stringify(m, null, 2)};`,
    );
  });
  writeFileSync(file, [...imports, ...lines].join('\n') + '\n');
  try {
    const program = ts.createProgram([file], {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: [],
    });
    return ts.getPreEmitDiagnostics(program).map((d) => {
      const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
      return `${name}.ts:${where}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  } finally {
    rmSync(file, { force: true });
  }
}

export function find(manifests: Manifest[], kind: string, nameEnd: string): Manifest {
  const found = manifests.find((m) => m.kind === kind && m.metadata.name.endsWith(nameEnd));
  if (!found)
    throw new Error(
      `no ${kind} named *${nameEnd} among ${manifests.map((m) => `${m.kind}/${m.metadata.name}`).join(', ')}`,
    );
  return found;
}

/**
 * A container's environment as the kubelet would build it: secret references replaced by the given
 * values, then `$(VAR)` references expanded from the variables defined before them.
 */
export function containerEnv(container: any, secrets: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of container.env ?? []) {
    let value: string;
    if (e.valueFrom?.secretKeyRef) {
      const ref = `${e.valueFrom.secretKeyRef.name}/${e.valueFrom.secretKeyRef.key}`;
      if (!(ref in secrets)) throw new Error(`${e.name} reads secret ${ref}, which the test did not provide`);
      value = secrets[ref];
    } else value = String(e.value ?? '');
    env[e.name] = value.replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (whole, name: string) =>
      name in env ? env[name] : whole,
    );
  }
  return env;
}
