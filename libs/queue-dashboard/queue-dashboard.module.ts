import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { QueueName } from '@tollgate/queue';
import { DASHBOARD_ROUTE, DashboardAuth } from './dashboard-auth';

/** bull-board for operators at /operator/queues: every queue of the contract, behind the operator key. */
@Module({
  imports: [
    BullBoardModule.forRoot({ route: DASHBOARD_ROUTE, adapter: FastifyAdapter }),
    ...Object.values(QueueName).map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
  providers: [DashboardAuth],
})
export class QueueDashboardModule {}
