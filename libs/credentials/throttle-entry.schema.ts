import { Prop, Schema } from '@nestjs/mongoose';

/** A throttle policy as stored: on the account (current) and on each token (snapshot at issue). */
@Schema({ _id: false })
export class ThrottleEntry {
  @Prop({ required: true }) limit: number;
  @Prop({ required: true }) periodSeconds: number;
  @Prop({ required: true }) lockoutSeconds: number;
  @Prop({ required: true }) scope: string;
  @Prop({ type: [Number], default: [] }) warnAt: number[];
}
