import { describe, expect, it } from 'vitest';
import { problemToFormErrors } from './errors';
import { idempotencyKeyFrom, normaliseForm } from './values';

const problem = (errors: { path: string; zh: string; en: string }[]) => ({
  type: 'about:blank',
  title: 'validation_failed',
  status: 422,
  code: 'validation_failed',
  message: { zh: '请求数据有误。', en: 'Invalid.' },
  errors,
  instance: '/v1/users',
  requestId: 'req-1',
});

describe('problemToFormErrors', () => {
  it('maps body paths to fields and keeps the rest for the summary', () => {
    const fe = problemToFormErrors(
      problem([
        { path: 'body.name', zh: '名称不能为空', en: 'name is required' },
        { path: 'body.roles.1', zh: '角色无效', en: 'bad role' },
        { path: 'body.name', zh: '过长', en: 'too long' },
        { path: 'header.idempotency-key', zh: '格式不正确', en: 'invalid format' },
      ]),
      'zh',
      ['name', 'roles'],
    );
    expect(fe.message).toBe('请求数据有误。');
    expect(fe.requestId).toBe('req-1');
    expect(fe.fields).toEqual({ name: '名称不能为空；过长', roles: '角色无效' });
    expect(fe.other).toEqual(['格式不正确']);
  });

  it('lands a nested path on the longest field name it starts with', () => {
    const fe = problemToFormErrors(
      problem([{ path: 'body.evidence.description', zh: '过长', en: 'too long' }]),
      'en',
      ['evidence', 'evidence.description'],
    );
    expect(fe.fields).toEqual({ 'evidence.description': 'too long' });
  });
});

describe('form values', () => {
  it('normalises parsed bodies and validates the idempotency key', () => {
    expect(normaliseForm({ a: 'x', b: ['1', '2'], f: new Blob() })).toEqual({ a: 'x', b: ['1', '2'] });
    expect(idempotencyKeyFrom({ _idem: 'abcdefgh-1' })).toBe('abcdefgh-1');
    expect(idempotencyKeyFrom({ _idem: '<bad>' })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
