import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { QUEUE_DASHBOARD_ROUTE } from '@tollgate/http';
import { QueueName } from '@tollgate/queue';

/**
 * bull-board for operators at /operator/queues: every queue of the contract. Its routes come from a
 * Fastify plugin, outside Nest's guards; the HTTP layer's route registry declares every route
 * registered under this mount operator-only and checks the operator key on the route Fastify matched.
 */
@Module({
  imports: [
    BullBoardModule.forRoot({ route: QUEUE_DASHBOARD_ROUTE, adapter: FastifyAdapter }),
    ...Object.values(QueueName).map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
})
export class QueueDashboardModule {}
