import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { Schema as MongooseSchema } from 'mongoose';

/** One entry of a list: its sort key and the item as the API returns it. */
export interface ListEntry<T = Record<string, unknown>> {
  k: string[];
  d: T;
}

/**
 * A run of consecutive entries of one list, in list order. Never changed in place: a change writes
 * new chunks under new ids and then swaps them into the head, so a reader never sees half a change.
 */
@Schema({ collection: 'list_chunks', versionKey: false })
export class ListChunkDocument {
  @Prop({ type: String, required: true }) _id: string;
  @Prop({ type: [MongooseSchema.Types.Mixed], default: [] }) items: ListEntry[];
}

export const ListChunkSchema = SchemaFactory.createForClass(ListChunkDocument);
// No secondary index: chunks are read by `_id` only (their ids are in the head).
