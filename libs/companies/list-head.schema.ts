import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** One chunk of a list as its head records it: where it is, how many entries, its first sort key. */
export interface ChunkRef {
  id: string;
  n: number;
  first: string[];
}

/**
 * The head of one list of the data API's read model (for example every company, or the companies of
 * one country), keyed by `_id` = the list's name: the list's total and its chunks in order, so page N
 * is found by arithmetic and read as one or two chunks by `_id`, whatever the page number. `v` is
 * the version every change compares and bumps (copy-on-write chunks, compare-and-set head).
 */
@Schema({ collection: 'list_heads', versionKey: false })
export class ListHeadDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: Number, required: true }) v: number;
  @Prop({ type: Number, required: true }) total: number;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) chunks: ChunkRef[];
  /** The entries themselves while the list fits one chunk (then `chunks` is empty). */
  @Prop({ type: String, default: undefined }) items?: string;
}

export const ListHeadSchema = SchemaFactory.createForClass(ListHeadDocument);
// No secondary index: heads are read and written by `_id` only.
