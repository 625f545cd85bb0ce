import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCloudDeps } from '../cloud';
import { cloudLauncher, executionName } from './launcher-cloud';

const sfn = mockClient(SFNClient);
afterEach(() => sfn.reset());

const ARN = 'arn:aws-cn:states:cn-north-1:123456789012:stateMachine:EvaluationStateMachine';
const job = { tenant: '230100', cycle: 'cyabc', run: 'rnabcdefgh', attempt: 2 };
const launcher = () =>
  cloudLauncher({ region: 'cn-north-1', stateMachineArn: ARN, client: new SFNClient({}) });

describe('the cloud launcher', () => {
  it('starts one execution named by the run and attempt, with the job as its input', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${ARN}:x`, startDate: new Date() });
    await launcher().start(job);
    const calls = sfn.commandCalls(StartExecutionCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.args[0].input).toEqual({
      stateMachineArn: ARN,
      name: 'rnabcdefgh-2',
      input: JSON.stringify(job),
    });
    expect(executionName(job)).toBe('rnabcdefgh-2');
  });

  it('is idempotent: an execution of that name already started counts as started', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    await expect(launcher().start(job)).resolves.toBeUndefined();
  });

  it('passes any other failure on (the route then reports the run could not start)', async () => {
    sfn
      .on(StartExecutionCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(launcher().start(job)).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('the cloud deps', () => {
  const env = {
    TABLE_NAME: 'jixiao',
    BUCKET_NAME: 'jixiao-data',
    TOKEN_ISSUER: 'https://issuer.example.cn',
    TOKEN_AUDIENCE: 'client',
    AUTH_BASE_URL: 'https://auth.example.cn',
    CURSOR_SECRET: 'a-cursor-secret-of-enough-length',
  };

  it('have a launcher only where STATE_MACHINE_ARN is set', async () => {
    expect((await buildCloudDeps(env)).evaluation).toBeUndefined();
    const deps = await buildCloudDeps({ ...env, STATE_MACHINE_ARN: ARN });
    sfn.on(StartExecutionCommand).resolves({ executionArn: `${ARN}:x`, startDate: new Date() });
    await deps.evaluation!.start(job);
    expect(sfn.commandCalls(StartExecutionCommand)[0]!.args[0].input.stateMachineArn).toBe(ARN);
  });

  it('refuse a STATE_MACHINE_ARN that is not an ARN', async () => {
    await expect(buildCloudDeps({ ...env, STATE_MACHINE_ARN: 'evaluation' })).rejects.toThrow(
      /STATE_MACHINE_ARN/,
    );
  });
});
