import type { Me } from '../../context';
import { may } from '../../policy';
import { PEER_GROUPS } from '../comparisons/routes';
import { isRecipient } from '../comparisons/scope';

/** Whether the caller keeps its office's peer groups (the policy, and a province's or city's office). */
export const mayKeepGroups = (me: Me | undefined): boolean =>
  may(me, PEER_GROUPS.put) && isRecipient(me) && !me?.identity.province;
