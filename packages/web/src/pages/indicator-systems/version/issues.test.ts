import { describe, expect, it } from 'vitest';
import { anchorOf, locateIssue } from './issues';

describe('where an issue points', () => {
  it('maps node paths (with or without body.content) to the row and field', () => {
    expect(locateIssue('dimensions.0.children.1.weight')).toEqual({
      section: 'node',
      key: '0.1',
      field: 'weight',
    });
    expect(locateIssue('body.content.dimensions.2.children.0.children.1.rule.bands.0.min')).toEqual({
      section: 'node',
      key: '2.0.1',
      field: 'rule.bands.0.min',
    });
    expect(locateIssue('dimensions')).toEqual({ section: 'root', key: '' });
    expect(anchorOf(locateIssue('dimensions.0.children.1'))).toBe('node-0-1');
  });

  it('maps bonus, veto, grading and system fields to their rows', () => {
    expect(anchorOf(locateIssue('bonusItems.2.maxPoints'))).toBe('bonus-2');
    expect(anchorOf(locateIssue('vetoItems'))).toBe('veto-list');
    expect(anchorOf(locateIssue('grading.levels.1.min'))).toBe('level-1');
    expect(locateIssue('grading.tieBreak.0')).toEqual({
      section: 'level',
      key: '',
      field: 'grading.tieBreak.0',
    });
    expect(anchorOf(locateIssue('total'))).toBe('system');
  });
});
