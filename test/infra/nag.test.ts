import { App, Stack, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Acknowledgment, type Synth, synth, synthRecordingAcknowledgments } from './synth';

/** `ruleName @ construct path` for every finding cdk-nag reports. */
const findings = (scope: App, severity?: string) =>
  new AwsSolutionsChecks()
    .validateScope(scope)
    .violations.filter((v) => !severity || v.severity === severity)
    .flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} @ ${r.constructPath}`));

describe('cdk-nag AwsSolutions', () => {
  let s: Synth;
  beforeAll(() => {
    // nag on: synthesis itself throws if any finding is left unacknowledged.
    s = synth({ nag: true });
  }, 120_000);
  afterAll(() => s?.cleanup());

  it('synthesizes with the pack registered', () => {
    expect(s.template.toJSON().Resources).toBeDefined();
  });

  it('leaves zero unacknowledged errors', () => {
    expect(findings(s.app, 'error')).toEqual([]);
  });

  it('leaves zero unacknowledged warnings', () => {
    expect(findings(s.app, 'warning')).toEqual([]);
  });

  it('really checks: a bare bucket is flagged', () => {
    const app = new App();
    new Bucket(new Stack(app, 'Canary'), 'Bare');
    expect(findings(app)).toEqual(
      expect.arrayContaining([
        'AwsSolutions-S1 @ Canary/Bare/Resource',
        'AwsSolutions-S10 @ Canary/Bare/Resource',
      ]),
    );
  });

  it('fails synthesis on an unacknowledged finding when registered as the app does', () => {
    const app = new App();
    const stack = new Stack(app, 'Canary');
    new Bucket(stack, 'Bare');
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    expect(() => Template.fromStack(stack)).toThrow(/AwsSolutions-S1/);
  });
});

describe('cdk-nag acknowledgments', () => {
  let acks: Acknowledgment[] = [];
  let s: Synth;

  beforeAll(() => {
    ({ synthed: s, acks } = synthRecordingAcknowledgments());
  }, 120_000);
  afterAll(() => s?.cleanup());

  it('are few, each with a specific reason', () => {
    expect(acks.length).toBeGreaterThan(0);
    // Six open console/docs routes, five public routes of the plans (arts. 11–12), two of the
    // public survey (answering needs no sign-in), four of the published results and their report
    // files, a few more; the year-end batch's eight (its function's X-Ray and app-data wildcards,
    // the state machine's X-Ray and log delivery, function versions and tenants' objects, and its
    // Distributed Maps' child executions).
    expect(acks.length).toBeLessThanOrEqual(34);
    for (const a of acks) {
      expect(a.id).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/);
      expect(a.reason.length, `${a.id} on ${a.path}`).toBeGreaterThanOrEqual(60);
    }
  });

  it('are each needed: without them, exactly those findings appear', () => {
    const raised = findings(s.app);
    const under = (a: Acknowledgment) => (f: string) => {
      const [rule, path] = f.split(' @ ') as [string, string];
      return rule === a.id && (path === a.path || path.startsWith(`${a.path}/`));
    };
    for (const a of acks)
      expect(raised.some(under(a)), `unused acknowledgment ${a.id} on ${a.path}`).toBe(true);
    for (const f of raised)
      expect(
        acks.some((a) => under(a)(f)),
        `unacknowledged ${f}`,
      ).toBe(true);
  });

  it('cover only the expected rules', () => {
    expect([...new Set(acks.map((a) => a.id.replace(/\[.*$/, '')))].sort()).toEqual([
      'AwsSolutions-APIG4',
      'AwsSolutions-COG2',
      'AwsSolutions-IAM5',
      'AwsSolutions-SMG4',
    ]);
  });

  it('open only the public routes, never /v1 but its public part', () => {
    const routes = acks.filter((a) => a.id === 'AwsSolutions-APIG4').map((a) => a.path.split('/').pop());
    expect(routes.sort()).toEqual(
      [
        'GET--',
        'GET--health',
        'GET--openapi.json',
        'GET--docs',
        'GET--console',
        'ANY--console--{proxy+}',
        // The public consultation and published plans (arts. 11–12): no sign-in by design.
        'GET--v1--public--{tenant}--consultations--{consultationId}',
        'POST--v1--public--{tenant}--consultations--{consultationId}--comments',
        'GET--v1--public--{tenant}--plans',
        'GET--v1--public--{tenant}--cycles--{cycleId}--plans--{unit}',
        'POST--v1--public--{tenant}--cycles--{cycleId}--plans--{unit}--opinions',
        'GET--v1--public--{tenant}--surveys--{cycleId}--{surveyId}',
        'POST--v1--public--{tenant}--surveys--{cycleId}--{surveyId}--answers',
        // Published results and their report files (#11): the public portal, no sign-in by design.
        'GET--v1--public--{tenant}--results',
        'GET--v1--public--{tenant}--results--{cycleId}',
        'GET--v1--public--{tenant}--results--{cycleId}--units--{unit}',
        'GET--v1--public--{tenant}--results--{cycleId}--reports--{kind}--{format}',
      ].sort(),
    );
  });

  it('allow Resource "*" only for X-Ray', () => {
    const star = acks.filter((a) => a.id === 'AwsSolutions-IAM5[Resource::*]');
    expect(star.map((a) => a.path).sort()).toEqual([
      'Jixiao/Api/Api/Role',
      'Jixiao/Api/Console/Role',
      'Jixiao/Api/Files/Role',
      'Jixiao/Api/Indicators/Role',
      'Jixiao/Auth/PreToken/Role',
      'Jixiao/Evaluation/Function/Role',
      'Jixiao/Evaluation/StateMachine/Role',
    ]);
    for (const a of star) expect(a.reason).toMatch(/X-Ray/);
  });
});
