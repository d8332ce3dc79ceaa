import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AccessStateEvents } from './access-state.events';
import { AccessStateStore } from './access-state.store';
import { QuotaWaiverDocument, QuotaWaiverSchema } from './quota-waiver.schema';
import { QuotaWaiversRepository } from './quota-waivers.repository';

/**
 * The one owner of an account's Redis state. Other libraries call its store (security writes after
 * Mongo, token slots, unlock) and scripts (admission, usage relay); none builds those keys itself.
 * AccessStateRebuilder is provided where an AccessRecordSource is (the throttling module).
 */
@Module({
  imports: [MongooseModule.forFeature([{ name: QuotaWaiverDocument.name, schema: QuotaWaiverSchema }])],
  providers: [AccessStateStore, AccessStateEvents, QuotaWaiversRepository],
  exports: [AccessStateStore, AccessStateEvents, QuotaWaiversRepository],
})
export class AccessStateModule {}
