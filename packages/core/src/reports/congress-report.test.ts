import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseNumber, documentDate } from './chinese-date';
import { buildCongressReport, congressTitle, evaluationName } from './congress-report';
import { congressReportSchema, type OfficeReport } from './model';
import { buildOfficeReport } from './office-report';
import { sampleReportInputs } from './testing';
import { formalText } from './text';

const office = buildOfficeReport(sampleReportInputs().office);
const report = buildCongressReport({ office });
const text = (heading: string) => report.sections.find((s) => s.heading === heading)!.paragraphs.join('\n');

describe('the date line (GB/T 9704-2012: Arabic numerals, no leading zeros)', () => {
  it('writes the year in full and the month and day without a leading zero', () => {
    expect(documentDate('2025-01-10')).toBe('2025年1月10日');
    expect(documentDate('2024-12-31')).toBe('2024年12月31日');
    expect(documentDate('2019-02-01')).toBe('2019年2月1日');
  });
  it('refuses what is not a day', () => {
    for (const bad of ['2025-1-10', '2025-13-01', '2025-00-10', '2025-01-32', '20250110', ''])
      expect(() => documentDate(bad)).toThrow(RangeError);
    expect(() => chineseNumber(0)).toThrow(RangeError);
    expect(() => chineseNumber(100)).toThrow(RangeError);
  });
  it('reads back to the same day, for any day', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }),
        (d) => {
          const day = d.toISOString().slice(0, 10);
          const m = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(documentDate(day))!;
          expect(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`).toBe(day);
        },
      ),
    );
  });
  it('counts and parts stay in Chinese numerals', () => {
    expect([1, 10, 11, 20, 31].map(chineseNumber)).toEqual(['一', '十', '十一', '二十', '三十一']);
  });
});

describe('the title', () => {
  it('names what was evaluated, without the tenant in front, for an annual and a special cycle', () => {
    expect(evaluationName('哈尔滨市 2024 年度民生领域专项绩效评估', '哈尔滨市', 2024)).toBe(
      '2024年度民生领域专项绩效评估',
    );
    expect(evaluationName('哈尔滨市 2025 年度市直部门绩效评估', '哈尔滨市', 2025)).toBe(
      '2025年度市直部门绩效评估',
    );
    expect(evaluationName('2025 年度政府绩效考核', '道里区', 2025)).toBe('2025年度政府绩效考核');
    expect(evaluationName('市直部门', '哈尔滨市', 2025)).toBe('2025年度市直部门绩效评估');
    expect(evaluationName('哈尔滨市', '哈尔滨市', 2025)).toBe('2025年度哈尔滨市绩效评估');
    expect(congressTitle(office.header)).toBe('关于2024年度市直部门和区县政府绩效评估情况的报告');
  });
  it('drops the spaces between Chinese and figures only', () => {
    expect(formalText('  哈尔滨市 2024 年度  A B 评估 ')).toBe('哈尔滨市2024年度A B评估');
  });
});

describe('the report to the People’s Congress standing committee of the sample year', () => {
  it('parses with its schema and has the formal layout', () => {
    expect(congressReportSchema.parse(report)).toEqual(report);
    expect(report.title).toBe('关于2024年度市直部门和区县政府绩效评估情况的报告');
    expect(report.addressee).toBe('哈尔滨市人大常委会：');
    expect(report.signature).toBe('哈尔滨市人民政府');
    expect(report.dateLine).toBe('2025年1月24日');
    expect(report.sections.map((s) => s.heading)).toEqual([
      '一、基本情况',
      '二、评估结果',
      '三、存在的主要问题',
      '四、结果运用和整改情况',
      '五、下一步工作',
    ]);
    expect(report.sections.at(-1)!.paragraphs.at(-1)).toBe('特此报告。');
  });

  it('takes the addressee and signature given', () => {
    const got = buildCongressReport({
      office,
      addressee: '市人大常委会：',
      signature: '哈尔滨市人民政府办公厅',
    });
    expect([got.addressee, got.signature]).toEqual(['市人大常委会：', '哈尔滨市人民政府办公厅']);
  });

  it('carries the office report without its header and kind, and the groups as the annex', () => {
    const { header: _h, kind: _k, ...rest } = office;
    expect(report.office).toEqual(rest);
    expect(report.annex).toEqual(office.groups);
    expect(report.header).toEqual(office.header);
  });

  it('writes the situation from the data: units, groups, stages, release and publication', () => {
    const s = text('一、基本情况');
    expect(s).toContain('对9个被评估单位开展了绩效评估，按单位类别分两组排名：市直部门5个、区县政府4个');
    expect(s).toContain(
      '指标考核（满分70.00分）、满意度测评（满分15.00分）、专家评议（满分15.00分）三个环节',
    );
    expect(s).toContain('评估结果已于2025年1月20日向被评估单位反馈，并于2025年1月24日向社会公开。');
  });

  it('writes the results: mean, grades, bands and each group’s leaders', () => {
    const s = text('二、评估结果');
    expect(s).toContain(`9个被评估单位平均得分${office.mean}分`);
    const g = office.grades.map((x) => `${x.label.zh}${x.count}个`).join('、');
    expect(s).toContain(`评定等次为${g}`);
    for (const group of office.groups) {
      expect(s).toContain(
        `${group.name}（${group.units}个单位）：平均得分${group.mean}分，最高${group.max}分、最低${group.min}分`,
      );
      expect(s).toContain(`${group.ranking[0]!.name}（${group.ranking[0]!.total}分）`);
    }
    expect(s).toContain('市交通运输局、南岗区触发一票否决事项，已按规定确定其等次。');
    expect(s).toContain('60分以下1个');
  });

  it('lists the problems, numbered', () => {
    const p = report.sections[2]!.paragraphs;
    expect(p).toHaveLength(1 + office.problems.length);
    expect(p[1]).toBe(
      `（一）${office.problems[0]!.name}。${office.problems[0]!.of}个参评单位中有${office.problems[0]!.units}个未得满分，平均得分率${office.problems[0]!.scoreRate}%。`,
    );
  });

  it('tells the appeals, what they changed, and the rectification', () => {
    const s = text('四、结果运用和整改情况');
    expect(s).toContain('被评估单位共提出申诉2件，经复核采纳1件，驳回1件。');
    const c = office.appeals.changes[0]!;
    expect(s).toContain(`南岗区由${c.before.total}分（良好、第2名）调整为${c.after.total}分（良好、第2名）`);
    expect(s).toContain('共确定整改任务4项，已整改销号1项，逾期未完成1项');
  });

  it('says so when there were no appeals, problems, tasks or second group', () => {
    const quiet: OfficeReport = {
      ...office,
      groups: office.groups.slice(0, 1),
      problems: [],
      appeals: { submitted: 0, accepted: 0, rejected: 0, withdrawn: 0, changes: [] },
      rectification: { tasks: 0, closed: 0, overdue: 0 },
      stages: undefined,
      header: { ...office.header, releasedOn: undefined, publishedOn: undefined },
    };
    const got = buildCongressReport({ office: quiet });
    const all = got.sections.flatMap((x) => x.paragraphs).join('\n');
    expect(all).toContain('统一排名');
    expect(all).toContain('未发现集中失分的指标');
    expect(all).toContain('被评估单位未提出申诉');
    expect(all).toContain('本年度未确定整改任务');
    expect(all).not.toContain('环节');
    expect(all).not.toContain('评估结果已于');
    expect(all).not.toContain('undefined');
  });
});
