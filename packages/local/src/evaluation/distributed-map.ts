import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';

/**
 * aws-local-stepfunctions runs a Distributed Map as an inline one: it ignores `ItemReader`,
 * `ItemBatcher`, `ResultWriter` and the failure tolerance, and fails outright on an S3 reader. So
 * the local runner swaps each Distributed Map node, and only that node, for a Task whose handler
 * here does what Step Functions does: read the items from S3 (s3rver), batch them as the
 * ItemBatcher says, run the item processor's definition with the library once per batch (at most
 * MaxConcurrency at a time), apply the tolerated failures, and write the result files and the
 * manifest where the ResultWriter says. Payload templates are evaluated by the library itself
 * (a one-state Pass machine), so paths and intrinsics mean exactly what they mean elsewhere.
 */

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type State = StateMachineDefinition['States'][string];

export interface DistributedMapState {
  Type: 'Map';
  ItemProcessor: Omit<StateMachineDefinition, 'Version' | 'TimeoutSeconds'> & {
    ProcessorConfig?: { Mode?: string; ExecutionType?: string };
  };
  ItemReader?: {
    Resource: string;
    ReaderConfig?: { InputType?: string; MaxItems?: number };
    Parameters: Json;
  };
  ItemBatcher?: { MaxItemsPerBatch?: number; MaxInputBytesPerBatch?: number; BatchInput?: Json };
  ResultWriter?: { Resource?: string; Parameters?: Json; WriterConfig?: unknown };
  ItemsPath?: string;
  ItemSelector?: Json;
  MaxConcurrency?: number;
  ToleratedFailurePercentage?: number;
  ToleratedFailureCount?: number;
  [field: string]: unknown;
}

/** The Task that stands in for a Distributed Map (its handler is `runDistributedMap`). */
export const LOCAL_MAP_RESOURCE = 'arn:aws-cn:states:::local:distributedMap';

/** The fields of a Map state that mean the same on a Task, carried over unchanged. */
const CARRIED = [
  'Next',
  'End',
  'Catch',
  'Retry',
  'InputPath',
  'OutputPath',
  'ResultPath',
  'ResultSelector',
  'Comment',
];

/** The time the stand-in may take (a whole province's scoring); the library's default is 60 s. */
const MAP_TIMEOUT_SECONDS = 7200;

const isDistributed = (s: State): boolean =>
  s.Type === 'Map' &&
  (s as unknown as DistributedMapState).ItemProcessor?.ProcessorConfig?.Mode === 'DISTRIBUTED';

/**
 * The definition with every top-level Distributed Map replaced by a stand-in Task of the same
 * name, and the replaced states by name.
 */
export function swapDistributedMaps(definition: StateMachineDefinition): {
  definition: StateMachineDefinition;
  maps: Record<string, DistributedMapState>;
} {
  const maps: Record<string, DistributedMapState> = {};
  const states: Record<string, State> = {};
  for (const [name, state] of Object.entries(definition.States)) {
    if (!isDistributed(state)) {
      states[name] = state;
      continue;
    }
    const map = state as unknown as DistributedMapState;
    maps[name] = map;
    const task: Record<string, unknown> = {
      Type: 'Task',
      Resource: LOCAL_MAP_RESOURCE,
      TimeoutSeconds: MAP_TIMEOUT_SECONDS,
    };
    for (const field of CARRIED) if (field in map) task[field] = map[field];
    states[name] = task as unknown as State;
  }
  return { definition: { ...definition, States: states }, maps };
}

/** A payload template evaluated against an input, by the library (a one-state Pass machine). */
export async function evaluateTemplate(template: Json, input: unknown): Promise<Json> {
  const machine = new StateMachine(
    { StartAt: 'Evaluate', States: { Evaluate: { Type: 'Pass', Parameters: template, End: true } } } as never,
    { validationOptions: { noValidate: true } },
  );
  return (await machine.run(input as never).result) as Json;
}

/** An error with the name the state machine matches on. */
export const namedError = (name: string, message: string) => Object.assign(new Error(message), { name });

const unsupported = (what: string) =>
  namedError('States.Runtime', `the local Distributed Map does not support ${what}`);

export interface ChildExecution {
  /** The processor's input: `{ BatchInput?, Items }` with an ItemBatcher, else the item. */
  input: unknown;
  index: number;
}

export interface DistributedMapContext {
  s3: S3Client;
  /** The Map Run's name (the cloud's is a UUID): result files go under it. */
  runName: string;
  /** Runs one child execution of the item processor; resolves with its output or rejects. */
  runChild(child: ChildExecution): Promise<unknown>;
  /** Once aborted, no further child starts. */
  signal: AbortSignal;
}

interface ChildResult {
  index: number;
  input: unknown;
  status: 'SUCCEEDED' | 'FAILED';
  output?: unknown;
  error?: string;
  cause?: string;
}

/** Runs one Distributed Map state on `input` (the stand-in Task's handler). */
export async function runDistributedMap(
  state: DistributedMapState,
  input: unknown,
  ctx: DistributedMapContext,
): Promise<unknown> {
  if (state.ItemsPath || state.ItemSelector) throw unsupported('ItemsPath or ItemSelector');
  const items = await readItems(state, input, ctx.s3);
  const children = await childInputs(state, input, items);

  // Step Functions fails the Map Run as soon as failures exceed the tolerance, starting no more.
  const total = children.length;
  const tolerated = Math.max(
    state.ToleratedFailureCount ?? 0,
    Math.floor(((state.ToleratedFailurePercentage ?? 0) / 100) * total),
  );
  const results: ChildResult[] = [];
  let failures = 0;
  let next = 0;
  const worker = async () => {
    while (next < total && failures <= tolerated && !ctx.signal.aborted) {
      const child = children[next++]!;
      try {
        const output = await ctx.runChild(child);
        results.push({ index: child.index, input: child.input, status: 'SUCCEEDED', output });
      } catch (e) {
        failures++;
        const err = e as { name?: string; message?: string; cause?: unknown };
        results.push({
          index: child.index,
          input: child.input,
          status: 'FAILED',
          error: err.name ?? 'Error',
          cause: typeof err.cause === 'string' ? err.cause : (err.message ?? ''),
        });
      }
    }
  };
  const width = Math.max(1, Math.min(state.MaxConcurrency || total, total));
  await Promise.all(Array.from({ length: width }, worker));
  results.sort((a, b) => a.index - b.index);

  const written = state.ResultWriter?.Parameters ? await writeResults(state, input, results, ctx) : undefined;
  if (failures > tolerated) {
    const first = results.find((r) => r.status === 'FAILED');
    throw namedError(
      'States.ExceedToleratedFailureThreshold',
      `The specified tolerated failure threshold was exceeded: ${failures} of ${total} child executions failed` +
        (first ? ` (first: ${first.error}: ${first.cause})` : ''),
    );
  }
  if (ctx.signal.aborted) throw namedError('States.Runtime', 'the Map Run was aborted');
  return written ?? results.map((r) => r.output as Json);
}

async function readItems(state: DistributedMapState, input: unknown, s3: S3Client): Promise<Json[]> {
  const reader = state.ItemReader;
  if (!reader) throw unsupported('a Distributed Map without an ItemReader');
  if (!/:s3:getObject$/.test(reader.Resource) || (reader.ReaderConfig?.InputType ?? 'JSON') !== 'JSON')
    throw unsupported(`the item reader ${reader.Resource} (${reader.ReaderConfig?.InputType})`);
  const { Bucket, Key } = (await evaluateTemplate(reader.Parameters, input)) as {
    Bucket: string;
    Key: string;
  };
  let body: string;
  try {
    const r = await s3.send(new GetObjectCommand({ Bucket, Key }));
    body = (await r.Body?.transformToString('utf8')) ?? '';
  } catch (e) {
    throw namedError('States.ItemReaderFailed', `could not read s3://${Bucket}/${Key}: ${(e as Error).name}`);
  }
  const items = JSON.parse(body) as unknown;
  if (!Array.isArray(items))
    throw namedError('States.ItemReaderFailed', `s3://${Bucket}/${Key} is not a JSON array`);
  const max = reader.ReaderConfig?.MaxItems;
  return (max ? items.slice(0, max) : items) as Json[];
}

async function childInputs(
  state: DistributedMapState,
  input: unknown,
  items: Json[],
): Promise<ChildExecution[]> {
  const batcher = state.ItemBatcher;
  if (!batcher) return items.map((item, index) => ({ input: item, index }));
  if (batcher.MaxInputBytesPerBatch) throw unsupported('MaxInputBytesPerBatch');
  const size = batcher.MaxItemsPerBatch;
  if (!size) throw unsupported('an ItemBatcher without MaxItemsPerBatch');
  const batchInput = batcher.BatchInput ? await evaluateTemplate(batcher.BatchInput, input) : undefined;
  const out: ChildExecution[] = [];
  for (let i = 0; i < items.length; i += size)
    out.push({
      input: {
        ...(batchInput === undefined ? {} : { BatchInput: batchInput }),
        Items: items.slice(i, i + size),
      },
      index: out.length,
    });
  return out;
}

/**
 * The result files as Step Functions writes them (ResultWriter, transformation NONE, JSON):
 * `<Prefix>/<map run>/SUCCEEDED_0.json`, `FAILED_0.json` and `manifest.json`; the Map's result is
 * the pointer to the manifest.
 */
async function writeResults(
  state: DistributedMapState,
  input: unknown,
  results: ChildResult[],
  ctx: DistributedMapContext,
): Promise<Json> {
  const { Bucket, Prefix } = (await evaluateTemplate(state.ResultWriter!.Parameters!, input)) as {
    Bucket: string;
    Prefix?: string;
  };
  const base = `${Prefix ? `${Prefix.replace(/\/$/, '')}/` : ''}${ctx.runName}`;
  const entry = (r: ChildResult) => ({
    Name: `${ctx.runName}-${r.index}`,
    Input: JSON.stringify(r.input),
    InputDetails: { Included: true },
    Status: r.status,
    ...(r.status === 'SUCCEEDED'
      ? { Output: JSON.stringify(r.output ?? null), OutputDetails: { Included: true } }
      : { Error: r.error, Cause: r.cause }),
  });
  const files: Record<'SUCCEEDED' | 'FAILED' | 'PENDING', { Key: string; Size: number }[]> = {
    SUCCEEDED: [],
    FAILED: [],
    PENDING: [],
  };
  for (const status of ['SUCCEEDED', 'FAILED'] as const) {
    const of = results.filter((r) => r.status === status);
    if (!of.length) continue;
    const Key = `${base}/${status}_0.json`;
    const body = JSON.stringify(of.map(entry));
    await put(ctx.s3, Bucket, Key, body);
    files[status].push({ Key, Size: Buffer.byteLength(body) });
  }
  const manifestKey = `${base}/manifest.json`;
  await put(
    ctx.s3,
    Bucket,
    manifestKey,
    JSON.stringify({
      DestinationBucket: Bucket,
      MapRunArn: `arn:aws-cn:states:local:map-run:${ctx.runName}`,
      ResultFiles: files,
    }),
  );
  return {
    MapRunArn: `arn:aws-cn:states:local:map-run:${ctx.runName}`,
    ResultWriterDetails: { Bucket, Key: manifestKey },
  };
}

const put = (s3: S3Client, Bucket: string, Key: string, body: string) =>
  s3.send(new PutObjectCommand({ Bucket, Key, Body: body, ContentType: 'application/json' }));
