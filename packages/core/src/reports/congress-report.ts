import { RESULT_STAGE_LABELS } from '../vocabulary/evaluation-labels';
import { chineseNumber, documentDate } from './chinese-date';
import type { CongressReportInputs } from './inputs';
import type { CongressReport, GroupSummary, OfficeReport } from './model';
import { formalText } from './text';

/**
 * The annual report to the People's Congress standing committee (向人大常委会报告), written from the
 * office report's data in the formal layout of a government's report: title (关于…的报告), addressee
 * (主送), numbered parts (一、二、…), 特此报告, signature (落款) and date line, annex (附件).
 *
 * 原文: the duty to report every year — 《哈尔滨市政府绩效管理条例（草案）》第四十六条 (as its 说明
 * quotes it, seed/): "市和区、县(市)人民政府应当每年向同级人民代表大会或常委会报告对所属部门开展绩效评估的情况".
 * 示例: every sentence below is our wording, filled in from the data; the seed gives no text for
 * the report itself. A tenant that words its report differently edits the rendered document.
 */

/**
 * What was evaluated, as the title names it: the cycle's name without the tenant's name in front,
 * the year added when the name lacks it, and 绩效评估 added when it names no evaluation:
 * "哈尔滨市 2024 年度民生领域专项绩效评估" → "2024年度民生领域专项绩效评估";
 * "2025 年度市直部门绩效考核" stays; "市直部门" of 2025 → "2025年度市直部门绩效评估".
 */
export function evaluationName(cycleName: string, tenantName: string, year: number): string {
  let name = formalText(cycleName);
  const tenant = formalText(tenantName);
  if (tenant && name.startsWith(tenant) && name.length > tenant.length) name = name.slice(tenant.length);
  if (!name.includes(String(year))) name = `${year}年度${name}`;
  if (!/(评估|考核|评价)$/.test(name)) name = `${name}绩效评估`;
  return name;
}

/** 关于2024年度民生领域专项绩效评估情况的报告. */
export const congressTitle = (h: OfficeReport['header']): string =>
  `关于${evaluationName(h.cycle.name, h.tenant.name, h.cycle.year)}情况的报告`;

/** 2025-01-10 → 2025年1月10日 (dates in the running text). */
const dayText = (day: string): string => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

const joinList = (xs: readonly string[]): string => xs.join('、');

/** A small count as written in prose: 两 for 2, 三…十 in Chinese, figures above ten. */
const count = (n: number): string => (n === 2 ? '两' : n >= 1 && n <= 10 ? chineseNumber(n) : String(n));

/** （一）（二）… */
const item = (i: number) => `（${chineseNumber(i + 1)}）`;

function situation(o: OfficeReport, government: string): string[] {
  const h = o.header;
  const name = evaluationName(h.cycle.name, h.tenant.name, h.cycle.year);
  const groups = joinList(o.groups.map((g) => `${g.name}${g.units}个`));
  const out = [
    `按照${name}工作安排，${government}对${o.units}个被评估单位开展了绩效评估，${o.groups.length > 1 ? `按单位类别分${count(o.groups.length)}组排名：${groups}` : '统一排名'}。`,
  ];
  const stages = o.stages ?? [];
  if (stages.length > 0)
    out.push(
      `评估分${joinList(stages.map((s) => `${RESULT_STAGE_LABELS[s.stage].zh}（满分${s.max}分）`))}${count(stages.length)}个环节进行，各环节得分按评估指标体系的权重合成总分，计入加分事项和综合评议调整后分组排名、评定等次；触发一票否决事项的单位按规定确定等次。`,
    );
  const when = [
    h.releasedOn ? `${dayText(h.releasedOn)}向被评估单位反馈` : '',
    h.publishedOn ? `${dayText(h.publishedOn)}向社会公开` : '',
  ].filter(Boolean);
  if (when.length > 0) out.push(`评估结果已于${when.join('，并于')}。`);
  return out;
}

/** Units ranked in the first three places of a group (ties included). */
const leaders = (g: GroupSummary) =>
  g.ranking.filter((l) => l.rank <= 3).map((l) => `${l.name}（${l.total}分）`);

function results(o: OfficeReport): string[] {
  const grades = joinList(o.grades.map((g) => `${g.label.zh}${g.count}个`));
  const bands = [...o.bands]
    .reverse()
    .filter((b) => b.count > 0)
    .map((b) =>
      b.from === 0
        ? `${b.to}分以下${b.count}个`
        : b.to === 100
          ? `${b.from}分及以上${b.count}个`
          : `${b.from}分至${b.to}分${b.count}个`,
    );
  const out = [
    `${o.units}个被评估单位平均得分${o.mean}分${o.grades.length ? `，评定等次为${grades}` : ''}。${bands.length ? `从得分分布看，${joinList(bands)}。` : ''}`,
  ];
  for (const g of o.groups)
    out.push(
      `${g.name}（${g.units}个单位）：平均得分${g.mean}分，最高${g.max}分、最低${g.min}分；位列前三的是${joinList(leaders(g))}。`,
    );
  const vetoed = o.groups.flatMap((g) => g.ranking.filter((l) => l.vetoed));
  if (vetoed.length > 0)
    out.push(`${joinList(vetoed.map((l) => l.name))}触发一票否决事项，已按规定确定其等次。`);
  out.push('各单位得分、排名和等次见附件。');
  return out;
}

function problems(o: OfficeReport): string[] {
  if (o.problems.length === 0) return ['本年度各被评估单位各项指标均得满分，未发现集中失分的指标。'];
  return [
    '从各项指标的得分情况看，失分较为集中的指标如下：',
    ...o.problems.map(
      (p, i) => `${item(i)}${p.name}。${p.of}个参评单位中有${p.units}个未得满分，平均得分率${p.scoreRate}%。`,
    ),
  ];
}

function uses(o: OfficeReport): string[] {
  const a = o.appeals;
  const total = a.submitted + a.accepted + a.rejected + a.withdrawn;
  const out: string[] = [];
  if (total === 0) out.push('评估结果反馈后，被评估单位未提出申诉。');
  else {
    const parts = [
      a.accepted ? `经复核采纳${a.accepted}件` : '',
      a.rejected ? `驳回${a.rejected}件` : '',
      a.withdrawn ? `单位撤回${a.withdrawn}件` : '',
      a.submitted ? `尚在复核${a.submitted}件` : '',
    ].filter(Boolean);
    out.push(`评估结果反馈后，被评估单位共提出申诉${total}件，${parts.join('，')}。`);
  }
  if (a.changes.length > 0)
    out.push(
      `根据复核结果重新计算后，${a.changes.length}个单位的评估结果有所调整：${joinList(
        a.changes.map(
          (c) =>
            `${c.name}由${c.before.total}分（${c.before.grade.label.zh}、第${c.before.rank}名）调整为${c.after.total}分（${c.after.grade.label.zh}、第${c.after.rank}名）`,
        ),
      )}。`,
    );
  const r = o.rectification;
  if (r.tasks === 0) out.push('本年度未确定整改任务。');
  else
    out.push(
      `针对评估发现的问题，共确定整改任务${r.tasks}项，已整改销号${r.closed}项${
        r.overdue > 0 ? `，逾期未完成${r.overdue}项，正在督促相关单位加快整改` : ''
      }。`,
    );
  return out;
}

/** 示例: fixed wording of the next steps (a tenant edits it in the rendered document). */
const NEXT_STEPS = [
  `${item(0)}完善评估指标体系，提高指标设置的科学性和针对性。`,
  `${item(1)}加强日常监测和数据核验，确保评估数据准确可靠。`,
  `${item(2)}强化评估结果运用，将评估结果与奖惩、问责挂钩，督促整改落实到位。`,
  `${item(3)}依法公开评估结果，主动接受人大监督和社会监督。`,
  '特此报告。',
];

/** The annual report to the People's Congress standing committee, from the office report. Pure. */
export function buildCongressReport(inputs: CongressReportInputs): CongressReport {
  const { office } = inputs;
  const { header, kind: _kind, ...data } = office;
  const tenant = formalText(header.tenant.name);
  const signature = inputs.signature ?? `${tenant}人民政府`;
  return {
    kind: 'congress',
    header,
    title: congressTitle(header),
    addressee: inputs.addressee ?? `${tenant}人大常委会：`,
    sections: [
      { heading: '一、基本情况', paragraphs: situation(office, signature) },
      { heading: '二、评估结果', paragraphs: results(office) },
      { heading: '三、存在的主要问题', paragraphs: problems(office) },
      { heading: '四、结果运用和整改情况', paragraphs: uses(office) },
      { heading: '五、下一步工作', paragraphs: NEXT_STEPS },
    ],
    signature,
    dateLine: documentDate(header.asOf),
    annex: office.groups,
    office: data,
  };
}
