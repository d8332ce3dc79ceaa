import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './apps';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = connect(port, '127.0.0.1', () => (s.end(), resolve(true)));
    s.on('error', () => resolve(false));
  });

export interface ClusterNode {
  port: number;
  proc: ChildProcess;
}

export interface ClusterOptions {
  masters?: number;
  replicasPerMaster?: number;
  /**
   * How long a node may be unreachable before the others call it failed and its replica takes over
   * (Redis' default is 15 s; a short one makes failover tests quick).
   */
  nodeTimeoutMs?: number;
  /**
   * Redis' default (true) stops the whole cluster while any slot has no master, i.e. during every
   * failover; false keeps the other masters' keys served meanwhile.
   */
  requireFullCoverage?: boolean;
}

/**
 * A real Redis Cluster of the test file's own on loopback: `masters` masters (and replicas), no
 * persistence, in a temporary directory. Bounded waits everywhere; `stop` kills every node.
 */
export class TestRedisCluster {
  readonly nodes: ClusterNode[] = [];
  private readonly dir = mkdtempSync(join(tmpdir(), 'tg-cluster-'));
  private readonly clients = new Map<number, Redis>();

  private constructor(private readonly options: Required<ClusterOptions>) {}

  static async start(options: ClusterOptions = {}): Promise<TestRedisCluster> {
    const cluster = new TestRedisCluster({
      masters: 3,
      replicasPerMaster: 0,
      nodeTimeoutMs: 5000,
      requireFullCoverage: true,
      ...options,
    });
    try {
      await cluster.create();
    } catch (err) {
      await cluster.stop();
      throw err;
    }
    return cluster;
  }

  /** A seed node's URL for REDIS_URL (with REDIS_CLUSTER=true). */
  get url(): string {
    return `redis://127.0.0.1:${this.nodes[0].port}`;
  }

  private async create(): Promise<void> {
    const { masters, replicasPerMaster, nodeTimeoutMs, requireFullCoverage } = this.options;
    const count = masters * (1 + replicasPerMaster);
    for (let i = 0; i < count; i++) {
      const port = await freePort();
      const proc = spawn(
        'redis-server',
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          join(this.dir, `nodes-${port}.conf`),
          '--cluster-node-timeout',
          String(nodeTimeoutMs),
          '--cluster-require-full-coverage',
          requireFullCoverage ? 'yes' : 'no',
          // Any replica may be promoted, however long it was disconnected: the test decides when a
          // master dies, not how current its replica was.
          '--cluster-replica-validity-factor',
          '0',
          // Replicas sync from memory at once instead of through an RDB file on disk.
          '--repl-diskless-sync',
          'yes',
          '--repl-diskless-sync-delay',
          '0',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          this.dir,
        ],
        { stdio: 'ignore' },
      );
      this.nodes.push({ port, proc });
    }
    for (const { port } of this.nodes) for (let i = 0; i < 100 && !(await portOpen(port)); i++) await sleep(50);
    execFileSync(
      'redis-cli',
      [
        '--cluster',
        'create',
        ...this.nodes.map((n) => `127.0.0.1:${n.port}`),
        '--cluster-replicas',
        String(replicasPerMaster),
        '--cluster-yes',
      ],
      {
        stdio: 'ignore',
        timeout: 30_000,
      },
    );
    // Every node sees a healthy cluster of all nodes, and every replica has synced with its master.
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (await this.settled(count)) return;
      if (Date.now() > deadline) throw new Error('redis cluster did not settle within 30 s');
      await sleep(100);
    }
  }

  private async settled(count: number): Promise<boolean> {
    for (const { port } of this.alive()) {
      const info = await this.client(port).cluster('INFO');
      if (!info.includes('cluster_state:ok') || !info.includes(`cluster_known_nodes:${count}`)) return false;
      const replication = await this.client(port).info('replication');
      if (replication.includes('role:slave') && !replication.includes('master_link_status:up')) return false;
    }
    const masters = await this.masters();
    return masters.length === this.options.masters;
  }

  /** A plain (non-cluster) connection to one node, for admin commands. */
  client(port: number): Redis {
    let c = this.clients.get(port);
    if (!c) {
      c = new Redis(port, '127.0.0.1', { lazyConnect: false, maxRetriesPerRequest: 1, retryStrategy: () => null });
      c.on('error', () => undefined);
      this.clients.set(port, c);
    }
    return c;
  }

  private alive(): ClusterNode[] {
    return this.nodes.filter((n) => n.proc.exitCode === null && n.proc.signalCode === null);
  }

  /** The masters serving slots, as a live node sees them: port and slot ranges. */
  async masters(): Promise<{ port: number; slots: [number, number][] }[]> {
    const [seed] = this.alive();
    const slots = (await this.client(seed.port).cluster('SLOTS')) as unknown as [
      number,
      number,
      [string, number, string],
    ][];
    const byPort = new Map<number, [number, number][]>();
    for (const [from, to, [, port]] of slots) byPort.set(port, [...(byPort.get(port) ?? []), [from, to]]);
    return [...byPort].map(([port, ranges]) => ({ port, slots: ranges }));
  }

  /** The port of the master that serves `key` (hash tags respected). */
  async ownerOf(key: string): Promise<number> {
    const [seed] = this.alive();
    const slot = (await this.client(seed.port).cluster('KEYSLOT', key)) as number;
    const owner = (await this.masters()).find((m) => m.slots.some(([from, to]) => slot >= from && slot <= to));
    if (!owner) throw new Error(`no master serves slot ${slot}`);
    return owner.port;
  }

  /** The port of a replica of the master on `masterPort`. */
  async replicaOf(masterPort: number): Promise<number> {
    const id = (await this.client(masterPort).cluster('MYID')) as string;
    for (const { port } of this.alive()) {
      if (port === masterPort) continue;
      const nodes = (await this.client(port).cluster('NODES')) as string;
      const mine = nodes.split('\n').find((l) => l.includes('myself'));
      if (mine?.split(' ')[3] === id) return port;
    }
    throw new Error(`no replica of the master on port ${masterPort}`);
  }

  /** SIGKILL one node: it loses whatever it had not yet sent to its replica. */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port);
    if (!node || node.proc.exitCode !== null || node.proc.signalCode !== null) return;
    const exited = new Promise((r) => node.proc.once('exit', r));
    node.proc.kill('SIGKILL');
    await exited;
    this.clients.get(port)?.disconnect();
    this.clients.delete(port);
  }

  /** Waits (bounded) until `replicaPort` is a master and every live node sees a healthy cluster. */
  async waitForPromotion(replicaPort: number, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const role = await this.client(replicaPort)
        .info('replication')
        .catch(() => '');
      let ok = role.includes('role:master');
      if (ok) {
        for (const { port } of this.alive())
          if (!(await this.client(port).cluster('INFO')).includes('cluster_state:ok')) ok = false;
      }
      if (ok) return;
      if (Date.now() > deadline)
        throw new Error(`the replica on port ${replicaPort} was not promoted within ${timeoutMs} ms`);
      await sleep(100);
    }
  }

  /**
   * Over the live masters: CPU seconds used, and per command the calls and the microseconds Redis
   * spent executing them (a script's time includes the commands it calls, which count on their own too).
   */
  async masterStats(): Promise<{ cpuS: number; calls: Record<string, number>; usec: Record<string, number> }> {
    let cpuS = 0;
    const calls: Record<string, number> = {};
    const usec: Record<string, number> = {};
    for (const { port } of await this.masters()) {
      const info = (await this.client(port).info('cpu')) + (await this.client(port).info('commandstats'));
      cpuS += Number(/used_cpu_user:([\d.]+)/.exec(info)![1]) + Number(/used_cpu_sys:([\d.]+)/.exec(info)![1]);
      for (const m of info.matchAll(/^cmdstat_([^:]+):calls=(\d+),usec=(\d+)/gm)) {
        calls[m[1]] = (calls[m[1]] ?? 0) + Number(m[2]);
        usec[m[1]] = (usec[m[1]] ?? 0) + Number(m[3]);
      }
    }
    return { cpuS, calls, usec };
  }

  async stop(): Promise<void> {
    for (const c of this.clients.values()) c.disconnect();
    this.clients.clear();
    await Promise.all(
      this.nodes.map(async ({ proc }) => {
        if (proc.exitCode !== null || proc.signalCode !== null) return;
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGKILL');
        await exited;
      }),
    );
    rmSync(this.dir, { recursive: true, force: true });
  }
}
