import { CYCLE_RESOURCES, INDICATOR_RESOURCES } from './indicators';
import { ORG_RESOURCES } from './org';

/** Every JSON resource (everything but Excel): the org resources and the indicator resources. */
export const JSON_RESOURCES = [...ORG_RESOURCES, ...INDICATOR_RESOURCES, ...CYCLE_RESOURCES];
