import { officeParamsSchema } from '@jixiao/core';
import { describe, expect, it } from 'vitest';
import type { OfficeParams } from './model';
import { formatOfficeParams, OFFICE_PARAMS_EXAMPLE, readOfficeParams } from './office-params';
import { ParseError } from './text';

describe('考核办设定参数', () => {
  it('writes the target as 目标值 and arguments by name, and reads them back exactly', () => {
    const cases: [OfficeParams | undefined, string | null][] = [
      [undefined, null],
      [{}, '无'],
      [{ target: 100 }, '目标值=100'],
      [{ args: { ratePercent: 8 } }, 'ratePercent=8'],
      [
        { target: -2.5, args: { ratePercent: 8, flows: [-100, 20.5, 1e-7, -0], none: [] } },
        '目标值=-2.5；ratePercent=8；flows=[-100, 20.5, 1e-7, -0]；none=[]',
      ],
    ];
    for (const [params, text] of cases) {
      expect(formatOfficeParams(params)).toBe(text);
      const read = readOfficeParams(text ?? '');
      expect(read).toStrictEqual(params);
      if (read) expect(officeParamsSchema.parse(read)).toStrictEqual(read);
    }
    expect(readOfficeParams(OFFICE_PARAMS_EXAMPLE)).toEqual({ target: 100, args: { ratePercent: 8 } });
    // Arguments may be named like anything but the Chinese target words; `target` is an argument.
    expect(readOfficeParams('target=1')).toEqual({ args: { target: 1 } });
  });

  it('reads what offices type: full-width text, other separators, a bare target, % and 分, 基准折现率', () => {
    expect(readOfficeParams('１００％')).toEqual({ target: 100 });
    expect(readOfficeParams('目标：90分，基准折现率=8%')).toEqual({ target: 90, args: { ratePercent: 8 } });
    expect(readOfficeParams('目标值 = 0\nflows：［-1，2、3 4］')).toEqual({
      target: 0,
      args: { flows: [-1, 2, 3, 4] },
    });
  });

  it('says what is wrong, in Chinese and English', () => {
    const cases: [string, string][] = [
      ['目标值=一百', '目标值的值“一百”不是数字'],
      ['目标值=1；目标=2', '目标值重复'],
      ['rate=1; rate=2', '参数 rate 重复'],
      ['8折=1', '参数名“8折”须为计算公式的参数名'],
      ['flows=[1, x]', 'flows的值“x”不是数字'],
      ['100; 200', '“200”不是 名称=值'],
    ];
    for (const [text, detail] of cases) {
      let error: unknown;
      try {
        readOfficeParams(text);
      } catch (e) {
        error = e;
      }
      expect(error, text).toBeInstanceOf(ParseError);
      expect((error as ParseError).zh).toContain(detail);
      expect((error as ParseError).zh).toContain(`应写作：${OFFICE_PARAMS_EXAMPLE}`);
      expect((error as ParseError).en).toContain(`write e.g. ${OFFICE_PARAMS_EXAMPLE}`);
    }
  });
});
