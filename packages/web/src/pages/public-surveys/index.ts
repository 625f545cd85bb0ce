import { Hono } from 'hono';
import type { ConsoleEnv } from '../../context';

/** Answering a survey (no sign-in, on a phone), mounted under `/console/public`. */
export const publicSurveyPages = new Hono<ConsoleEnv>();
