import { resourceApp } from '../http/route';

export const meetingRoutes = resourceApp();
