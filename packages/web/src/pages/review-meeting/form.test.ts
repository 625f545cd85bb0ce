import type { Problem } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import { meetingErrors, meetingFrom, meetingValues } from './form';

const problem = (paths: string[]): Problem => ({
  type: 'about:blank',
  title: 'validation_failed',
  status: 422,
  code: 'validation_failed',
  message: { zh: '请检查', en: 'Check' },
  instance: '',
  requestId: '',
  errors: paths.map((path) => ({ path, zh: `错 ${path}`, en: `bad ${path}` })),
});

describe('the meeting editor’s form', () => {
  const form = {
    version: '2',
    title: ' 评议会 ',
    day: '2026-12-28',
    'member.0.name': '陈志远',
    'member.0.role': 'chair',
    'member.1.name': '',
    'member.1.organisation': '',
    'member.1.role': '',
    'document.0.title': '初稿',
    'document.0.evidence': '',
    'document.0.reference': '汇总稿',
    'decision.0.unit': '',
    'decision.0.decision': '',
    'decision.0.points': '',
    'decision.0.reason': '',
    'decision.1.unit': 'FGW',
    'decision.1.decision': '同意',
    'decision.1.points': '1.5',
    'decision.1.reason': '理由充分足够',
    'decision.2.unit': 'JYJ',
    'decision.2.decision': '同意',
    'decision.2.points': '',
    'decision.2.reason': '',
  };

  it('sends filled rows only, an adjustment only where points or a reason were typed', () => {
    const { body } = meetingFrom(form);
    expect(body).toMatchObject({ version: 2, title: '评议会', day: '2026-12-28' });
    expect(body.members).toEqual([{ name: '陈志远', organisation: '', role: 'chair' }]);
    expect(body.documents).toEqual([{ title: '初稿', reference: '汇总稿' }]);
    expect(body.decisions).toEqual([
      { unit: 'FGW', decision: '同意', adjustment: { points: 1.5, reason: '理由充分足够' } },
      { unit: 'JYJ', decision: '同意' },
    ]);
  });

  it('puts the API’s problems at the cells the rows were typed in', () => {
    const { renames, fields } = meetingFrom(form);
    const errors = meetingErrors(
      problem(['body.decisions.0.adjustment.points', 'body.decisions.1.unit', 'body.title']),
      'zh',
      renames,
      fields,
    );
    expect(Object.keys(errors.fields).sort()).toEqual(['decision.1.points', 'decision.2.unit', 'title']);
  });

  it('round-trips a stored meeting to the form', () => {
    const { body } = meetingFrom(form);
    const stored = {
      ...body,
      place: '',
      minutes: '',
      cycle: 'cy',
      status: 'draft' as const,
      version: 2,
      createdAt: '',
      updatedAt: '',
    };
    expect(meetingFrom(meetingValues(stored)).body).toEqual({ ...body, place: '', minutes: '' });
  });
});
