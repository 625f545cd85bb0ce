import type { z } from 'zod';
import type { FieldIssue } from './app-error';

/**
 * Turns zod issues into bilingual field issues. Messages written as "中文 / English" in the
 * schemas are split; zod's built-in messages get a Chinese rendering from the issue code.
 */
export function zodIssuesToFields(issues: readonly z.core.$ZodIssue[], prefix: string): FieldIssue[] {
  return expandUnions(issues).map((i) => {
    const path = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const [zhCustom, enCustom] = i.message.includes(' / ') ? i.message.split(' / ') : [];
    if (zhCustom && enCustom) return { path, zh: zhCustom, en: enCustom };
    return { path, zh: chinese(i), en: i.message };
  });
}

function chinese(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      // zod leaves `input` out of issues unless asked; its English message says what arrived.
      return i.input === undefined && /received undefined/.test(i.message)
        ? '必填项缺失'
        : `类型错误，应为 ${typeName(i.expected)}`;
    case 'too_small':
      return i.origin === 'string'
        ? `长度不能少于 ${i.minimum} 个字符`
        : i.origin === 'array'
          ? `至少需要 ${i.minimum} 项`
          : `不能小于 ${i.minimum}`;
    case 'too_big':
      return i.origin === 'string'
        ? `长度不能超过 ${i.maximum} 个字符`
        : i.origin === 'array'
          ? `最多 ${i.maximum} 项`
          : `不能大于 ${i.maximum}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return `取值无效，可选值：${i.values.map(String).join('、')}`;
    case 'unrecognized_keys':
      return `不允许的字段：${i.keys.join('、')}`;
    case 'not_multiple_of':
      return `必须是 ${i.divisor} 的倍数`;
    case 'invalid_union':
      return '取值不符合任何允许的形式';
    default:
      return '取值无效';
  }
}

function typeName(t: string): string {
  return (
    (
      {
        string: '字符串',
        number: '数字',
        int: '整数',
        boolean: '布尔值',
        object: '对象',
        array: '数组',
      } as Record<string, string>
    )[t] ?? t
  );
}

/**
 * A value that matches no member of a union (e.g. a tree node that is neither a valid branch nor
 * a valid leaf) is explained by the member it came closest to: the one with the fewest issues,
 * so a bad weight deep in a dimension points at that weight, not at the whole dimension.
 */
function expandUnions(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue[] {
  return issues.flatMap((i) => {
    if (i.code !== 'invalid_union' || !i.errors?.length) return [i];
    const closest = i.errors.reduce((best, alt) => (alt.length < best.length ? alt : best));
    if (!closest.length) return [i];
    return expandUnions(closest.map((inner) => ({ ...inner, path: [...i.path, ...inner.path] })));
  });
}
