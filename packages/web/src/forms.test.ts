import { describe, expect, it } from 'vitest';
import { formToJson, idempotencyKeyFrom, normaliseForm, problemToFormErrors } from './forms';

describe('formToJson', () => {
  const spec = {
    version: 'int',
    name: 'string',
    note: 'optString',
    sortOrder: 'int',
    active: 'bool',
    roles: 'array',
  } as const;

  it('converts numbers, booleans and arrays and omits empty optional strings', () => {
    expect(
      formToJson(
        {
          version: '3',
          name: ' 名 ',
          note: '  ',
          sortOrder: '',
          active: 'true',
          roles: 'expert',
          extra: 'x',
        },
        spec,
      ),
    ).toEqual({ version: 3, name: '名', active: true, roles: ['expert'] });
  });

  it('keeps a required empty string and non-numeric text for the API to reject', () => {
    expect(formToJson({ name: '', sortOrder: 'abc', roles: ['a', 'b'] }, spec)).toEqual({
      name: '',
      sortOrder: 'abc',
      active: false,
      roles: ['a', 'b'],
    });
  });

  it('sends null for an emptied clearable field and the trimmed text otherwise', () => {
    const edit = { email: 'clearable', phone: 'clearable' } as const;
    expect(formToJson({ email: '  ', phone: ' 13900000001 ' }, edit)).toEqual({
      email: null,
      phone: '13900000001',
    });
  });
});

describe('problemToFormErrors', () => {
  it('maps body paths to fields and keeps the rest for the summary', () => {
    const fe = problemToFormErrors(
      {
        status: 422,
        code: 'validation_failed',
        message: { zh: '请求数据有误。', en: 'Invalid.' },
        errors: [
          { path: 'body.name', zh: '名称不能为空', en: 'name is required' },
          { path: 'body.roles.1', zh: '角色无效', en: 'bad role' },
          { path: 'body.name', zh: '过长', en: 'too long' },
          { path: 'header.idempotency-key', zh: '格式不正确', en: 'invalid format' },
        ],
      },
      'zh',
      ['name', 'roles'],
    );
    expect(fe.message).toBe('请求数据有误。');
    expect(fe.fields).toEqual({ name: '名称不能为空；过长', roles: '角色无效' });
    expect(fe.other).toEqual(['格式不正确']);
  });
});

describe('form helpers', () => {
  it('normalises parsed bodies and validates the idempotency key', () => {
    expect(normaliseForm({ a: 'x', b: ['1', '2'], f: new Blob() })).toEqual({ a: 'x', b: ['1', '2'] });
    expect(idempotencyKeyFrom({ _idem: 'abcdefgh-1' })).toBe('abcdefgh-1');
    expect(idempotencyKeyFrom({ _idem: '<bad>' })).toMatch(/^[0-9a-f-]{36}$/);
  });
});
