import { Types } from 'mongoose';

const HEX24 = /^[0-9a-fA-F]{24}$/;

/**
 * Company and contact ids are MongoDB ObjectIds, written as 24 hex digits. Anything else is no id at
 * all (null), so a caller that skipped the DTO still gets "not found", never a cast error.
 */
export function toObjectId(id: string): Types.ObjectId | null {
  return typeof id === 'string' && HEX24.test(id) ? new Types.ObjectId(id.toLowerCase()) : null;
}
