import type { SFNClient } from '@aws-sdk/client-sfn';
import type { Job } from '@jixiao/core';
import type { EvaluationLauncher } from '../deps';

/**
 * The execution's name: the run and its attempt. Step Functions keeps names unique per state
 * machine (90 days), so a start retried after a timeout cannot run the same attempt twice.
 */
export const executionName = (job: Job): string => `${job.run}-${job.attempt}`;

/**
 * Starts the year-end state machine in the cloud (StartExecution). Idempotent: an execution of the
 * same name already started (`ExecutionAlreadyExists`: the same run and attempt) counts as started.
 * The SDK client is made on the first start, so a cold start of the API loads none of it.
 */
export function cloudLauncher(opts: {
  region: string;
  stateMachineArn: string;
  /** Tests pass a client (e.g. a mock); otherwise one is made on first use. */
  client?: SFNClient;
}): EvaluationLauncher {
  let client = opts.client;
  return {
    async start(job) {
      const { SFNClient, StartExecutionCommand } = await import('@aws-sdk/client-sfn');
      client ??= new SFNClient({ region: opts.region });
      try {
        await client.send(
          new StartExecutionCommand({
            stateMachineArn: opts.stateMachineArn,
            name: executionName(job),
            input: JSON.stringify(job),
          }),
        );
      } catch (e) {
        if ((e as { name?: string } | null)?.name === 'ExecutionAlreadyExists') return;
        throw e;
      }
    },
  };
}
