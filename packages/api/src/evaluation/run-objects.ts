import {
  digestSchema,
  errors,
  groupResultSchema,
  type RunDigest,
  type UnitRunResult,
  unitRunResultSchema,
} from '@jixiao/core';
import { runObjectPath, unitResultPath } from '@jixiao/data';
import { z } from 'zod';
import { tenant } from '../cycles/context';
import type { Caller } from '../http/caller';

/**
 * Reads of a finished run's objects in S3 (written once by the batch, never changed), each
 * parsed with its schema. A unit's object is absent when the unit was not in the run; the run's
 * own objects (groups, digest) are always there once it is ready, so their absence is a fault.
 */

const groupsSchema = z.array(groupResultSchema.extend({ system: z.string() }));

async function readJson(caller: Caller, path: string[]): Promise<unknown | undefined> {
  const bytes = await caller.deps.data.blobs.get(tenant(caller), path);
  return bytes ? JSON.parse(new TextDecoder().decode(bytes)) : undefined;
}

async function runObject<T>(caller: Caller, path: string[], schema: z.ZodType<T>): Promise<T> {
  const found = await readJson(caller, path);
  if (found === undefined) {
    caller.deps.log({
      level: 'error',
      msg: 'evaluation: a finished run lacks an object',
      path: path.join('/'),
    });
    throw errors.internal();
  }
  return schema.parse(found);
}

export const readGroups = (caller: Caller, cycle: string, run: string) =>
  runObject(caller, runObjectPath(cycle, run, 'groups'), groupsSchema);

export const readDigest = (caller: Caller, cycle: string, run: string): Promise<RunDigest> =>
  runObject(caller, runObjectPath(cycle, run, 'digest'), digestSchema);

/** A unit's result in a run, or undefined when the unit was not in it. */
export async function readUnitResult(
  caller: Caller,
  cycle: string,
  run: string,
  unit: string,
): Promise<UnitRunResult | undefined> {
  const found = await readJson(caller, unitResultPath(cycle, run, unit));
  return found === undefined ? undefined : unitRunResultSchema.parse(found);
}
