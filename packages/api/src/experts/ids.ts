import { newId } from '@jixiao/data';

/** Ids of the expert review's records (made by the data layer's one id maker). */
export const newAssignmentId = () => newId('assignment');
