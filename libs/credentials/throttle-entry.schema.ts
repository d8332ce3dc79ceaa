import { Prop, Schema } from '@nestjs/mongoose';

/** A GCRA window, i.e. a token bucket (the burst window; with `api`, one API's window). */
@Schema({ _id: false })
export class WindowEntry {
  @Prop() api?: string;
  @Prop({ required: true }) limit: number;
  @Prop({ required: true }) periodSeconds: number;
}

/** A throttle policy as stored: on the account (current) and on each token (snapshot at issue). */
@Schema({ _id: false })
export class ThrottleEntry {
  @Prop({ required: true }) limit: number;
  @Prop({ required: true }) periodSeconds: number;
  @Prop({ required: true }) lockoutSeconds: number;
  @Prop({ required: true }) scope: string;
  @Prop({ type: [Number], default: [] }) warnAt: number[];
  /** The account's only: burst and API windows are read from the account, never from a token. */
  @Prop({ type: WindowEntry, default: undefined }) burst?: WindowEntry | null;
  @Prop({ type: [WindowEntry], default: undefined }) apis?: WindowEntry[];
}
