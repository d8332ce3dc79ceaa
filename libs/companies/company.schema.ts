import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema({ collection: 'companies', versionKey: false })
export class CompanyDocument {
  @Prop({ type: String, required: true }) name: string;
  /** `searchKey(name)`: what the name filter and the list order use (see name-prefix.ts). */
  @Prop({ type: String, required: true }) nameLower: string;
  @Prop({ type: String, required: true }) domain: string;
  @Prop({ type: String, default: null }) industry: string | null;
  @Prop({ type: String, default: null }) country: string | null;
  @Prop({ type: String, default: null }) city: string | null;
  @Prop({ type: Number, default: null }) employees: number | null;
  @Prop({ type: Number, default: null }) revenue: number | null;
  @Prop({ type: String, default: null }) website: string | null;
  @Prop({ type: Date, required: true }) createdAt: Date;
  @Prop({ type: Date, required: true }) updatedAt: Date;
}

/*
 * Every list is sorted by (nameLower, _id): stable (the id breaks ties between equal names) and, with
 * the filters as equality prefixes (equality, sort, range), served by one index walk with no
 * in-memory sort, whatever combination of filters a client sends; `total` counts the same range.
 */
export const CompanySchema = SchemaFactory.createForClass(CompanyDocument);
// GET /companies?domain=… (at most one match, so no sort index is needed); also makes domains unique.
CompanySchema.index({ domain: 1 }, { unique: true });
// GET /companies and ?name=… (prefix range on nameLower): the list order itself.
CompanySchema.index({ nameLower: 1, _id: 1 });
// GET /companies?country=…[&name=…]
CompanySchema.index({ country: 1, nameLower: 1, _id: 1 });
// GET /companies?industry=…[&name=…]
CompanySchema.index({ industry: 1, nameLower: 1, _id: 1 });
// GET /companies?country=…&industry=…[&name=…]
CompanySchema.index({ country: 1, industry: 1, nameLower: 1, _id: 1 });
