import { BullModule } from '@nestjs/bullmq';
import type { ConnectionOptions } from 'bullmq';
import { DynamicModule, Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Cluster } from 'ioredis';
import { TOLLGATE_CONFIG, type TollgateConfig } from '@tollgate/config';
import { queueClusterConnection, queueConnectionOptions } from '@tollgate/persistence';
import { QueueName } from './queue.contract';

/**
 * BullMQ connection and queue registration for both apps. Keys live under `<REDIS_PREFIX>:bull` so
 * stacks and test files sharing one Redis do not see each other's jobs.
 */
/** Cluster clients handed to BullMQ, which does not close connections it was given. */
const clusterConnections: Cluster[] = [];

@Global()
@Module({})
export class QueueModule implements OnApplicationShutdown {
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(clusterConnections.splice(0).map((c) => c.quit().catch(() => c.disconnect())));
  }

  static forRoot(): DynamicModule {
    const queues = BullModule.registerQueue(...Object.values(QueueName).map((name) => ({ name })));
    return {
      module: QueueModule,
      imports: [
        BullModule.forRootAsync({
          inject: [TOLLGATE_CONFIG],
          useFactory: (config: TollgateConfig) =>
            config.redisCluster
              ? // On a cluster each queue's keys must share a slot: the prefix is one hash tag (and a
                // different one from the accounts' tags, so account keys still spread over the nodes).
                {
                  connection: track(queueClusterConnection(config.redisUrl)) as unknown as ConnectionOptions,
                  prefix: `{${config.redisPrefix}-bull}`,
                }
              : {
                  // BullMQ's ConnectionOptions type lags ioredis 6's RedisOptions; the runtime shape is the same.
                  connection: queueConnectionOptions(config.redisUrl) as ConnectionOptions,
                  prefix: `${config.redisPrefix}:bull`,
                },
        }),
        queues,
      ],
      exports: [queues],
    };
  }
}

function track(cluster: Cluster): Cluster {
  clusterConnections.push(cluster);
  return cluster;
}
