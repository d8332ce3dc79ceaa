import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

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
  /** The entries, as one JSON string (`ListEntry[]`): one field to store and read, whatever the items hold. */
  @Prop({ type: String, required: true }) items: string;
}

export const ListChunkSchema = SchemaFactory.createForClass(ListChunkDocument);
// No secondary index: chunks are read by `_id` only (their ids are in the head).
