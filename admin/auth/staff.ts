import { Response } from 'express';
import { Session } from '../../core/sessions/types';
import { StaffUser } from '../../core/users/types';

/** The signed-in staff member of a request, put on `res.locals` by the session loader. */
export interface Staff {
  user: StaffUser;
  session: Session;
}

export function staffOf(res: Response): Staff | undefined {
  return res.locals.staff as Staff | undefined;
}
