import { describe, expect, it } from 'vitest';
import { formatDateTime, formatNumber, parseLang, t } from '.';

describe('formatDateTime', () => {
  it('shows a UTC instant in Asia/Shanghai', () => {
    expect(formatDateTime('2026-11-27T10:30:00Z', 'zh')).toBe('2026年11月27日 18:30');
    expect(formatDateTime('2026-11-27T10:30:00Z', 'en')).toBe('2026-11-27 18:30');
  });

  it('crosses the date line into the next day and year in Beijing', () => {
    expect(formatDateTime('2026-12-31T16:05:00.000Z', 'zh')).toBe('2027年1月1日 00:05');
    expect(formatDateTime('2026-12-31T16:05:00.000Z', 'en')).toBe('2027-01-01 00:05');
  });

  it('keeps unparseable values and empties as they are', () => {
    expect(formatDateTime('not a date', 'zh')).toBe('not a date');
    expect(formatDateTime(undefined, 'en')).toBe('');
  });
});

describe('formatNumber and labels', () => {
  it('groups digits the zh-CN way', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(12.5)).toBe('12.5');
  });

  it('fills placeholders and falls back to Chinese', () => {
    expect(t('zh', 'welcome', { name: '李主任' })).toBe('欢迎，李主任');
    expect(t('en', 'welcome', { name: 'Li' })).toBe('Welcome, Li');
    expect(parseLang('en')).toBe('en');
    expect(parseLang('fr')).toBeUndefined();
  });
});
