import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema, type Types } from 'mongoose';

@Schema({ collection: 'contacts', versionKey: false })
export class ContactDocument {
  @Prop({ type: MongooseSchema.Types.ObjectId, required: true }) companyId: Types.ObjectId;
  @Prop({ type: String, required: true }) firstName: string;
  @Prop({ type: String, required: true }) lastName: string;
  @Prop({ type: String, default: null }) title: string | null;
  @Prop({ type: String, required: true }) email: string;
  @Prop({ type: String, default: null }) phone: string | null;
  @Prop({ type: Date, required: true }) createdAt: Date;
  @Prop({ type: Date, required: true }) updatedAt: Date;
}

/* Lists are sorted by _id (creation order): stable, and the _id index or a (filter, _id) index serves it. */
export const ContactSchema = SchemaFactory.createForClass(ContactDocument);
// POST/PUT /contacts: "an email is unique within its company", enforced by the index itself.
ContactSchema.index({ companyId: 1, email: 1 }, { unique: true });
// GET /contacts?companyId=… in list order; DELETE /companies/:id counts and cascades through it.
ContactSchema.index({ companyId: 1, _id: 1 });
