import { MongooseModule, Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * One total per account, API, bucket and usage segment. `_id` is deterministic
 * (`account|bucket|api[|token][#epoch]`) and totals are written with `$max` of the running total
 * counted in Redis, so applying a snapshot twice, or an older one after a newer, changes nothing:
 * idempotent without transactions. A segment is the running total of one access-state epoch (it
 * restarts from zero after Redis lost the account's state); reports sum the segments. Day, month and
 * year are stored as strings at write time (FerretDB has no date operators to derive them).
 */
@Schema({ collection: 'usage_daily', versionKey: false })
export class UsageDailyDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) accountId: string;
  @Prop({ required: true }) api: string;
  @Prop({ required: true }) day: string;
  @Prop({ required: true }) month: string;
  @Prop({ required: true }) year: string;
  @Prop({ required: true }) transactions: number;
  /** Sum of the requests' costs; absent on totals stored before costs: equal to `transactions`. */
  @Prop({ type: Number }) credits?: number;
  /**
   * Transactions per UTC hour of the day (`{"13": 40}`), for hourly reports: kept in the day's document
   * (a day has at most 24), so an hourly report reads the same documents as a daily one.
   */
  @Prop({ type: Object }) hours?: Record<string, number>;
  /** Credits per UTC hour of the day. */
  @Prop({ type: Object }) hourCredits?: Record<string, number>;
  /** The access-state epoch of this segment; absent for totals counted before epochs. */
  @Prop({ type: String }) epoch?: string;
}
export const UsageDailySchema = SchemaFactory.createForClass(UsageDailyDocument);
// Usage report by day: an account's buckets in a day range.
UsageDailySchema.index({ accountId: 1, day: 1 });
// The operator's overview: every account's totals of one day (the busiest accounts today).
UsageDailySchema.index({ day: 1 });

@Schema({ collection: 'usage_monthly', versionKey: false })
export class UsageMonthlyDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) accountId: string;
  @Prop({ required: true }) api: string;
  @Prop({ required: true }) month: string;
  @Prop({ required: true }) year: string;
  @Prop({ required: true }) transactions: number;
  /** Sum of the requests' costs; absent on totals stored before costs: equal to `transactions`. */
  @Prop({ type: Number }) credits?: number;
  /** The access-state epoch of this segment; absent for totals counted before epochs. */
  @Prop({ type: String }) epoch?: string;
}
export const UsageMonthlySchema = SchemaFactory.createForClass(UsageMonthlyDocument);
// Usage report by month and by year (years are summed from months), and credits of the month.
UsageMonthlySchema.index({ accountId: 1, month: 1 });

@Schema({ collection: 'usage_token_daily', versionKey: false })
export class UsageTokenDailyDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ required: true }) accountId: string;
  @Prop({ required: true }) api: string;
  @Prop({ required: true }) tokenId: string;
  @Prop({ required: true }) day: string;
  @Prop({ required: true }) month: string;
  @Prop({ required: true }) year: string;
  @Prop({ required: true }) transactions: number;
  /** The access-state epoch of this segment; absent for totals counted before epochs. */
  @Prop({ type: String }) epoch?: string;
}
export const UsageTokenDailySchema = SchemaFactory.createForClass(UsageTokenDailyDocument);
// Operator report's per-token breakdown: an account's token buckets in a day range.
UsageTokenDailySchema.index({ accountId: 1, day: 1 });

/** The usage collections, for the modules (API and worker side) that read or write them. */
export const usageSchemas = () =>
  MongooseModule.forFeature([
    { name: UsageDailyDocument.name, schema: UsageDailySchema },
    { name: UsageMonthlyDocument.name, schema: UsageMonthlySchema },
    { name: UsageTokenDailyDocument.name, schema: UsageTokenDailySchema },
  ]);
