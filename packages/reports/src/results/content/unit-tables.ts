import type { UnitReport } from '@jixiao/core';
import { scoreRate } from '../../charts';
import type { Fact, Table } from '../document';
import { num } from '../document';
import { vocabulary, yesNo } from './common';

/** The unit report's tables, shared by its pages and its workbook. */

export function facts(d: UnitReport): Fact[] {
  return [
    { label: '单位名称', value: d.unit.name },
    { label: '单位编码', value: d.unit.code },
    { label: '单位类型', value: vocabulary('unitType', d.unit.type) },
    { label: '所在组别', value: d.unit.group.name },
    { label: '总分', value: num(d.total) },
    { label: '等次', value: d.grade.label.zh },
    { label: '组内名次', value: num(d.rank) },
    { label: '组内单位数', value: num(d.of) },
    { label: '基础得分', value: num(d.base) },
    { label: '加分', value: num(d.bonus) },
    { label: '扣分', value: num(d.deductions) },
    ...(d.adjustment
      ? [
          { label: '综合评议调整', value: num(d.adjustment.points) },
          { label: '调整理由', value: d.adjustment.reason },
        ]
      : []),
    ...d.vetoes.map((v) => ({
      label: '一票否决',
      value: `${v.name}（${vocabulary('vetoEffect', v.effect)}）`,
    })),
  ];
}

export function stagesTable(d: UnitReport): Table {
  return {
    caption: '各评估环节得分',
    columns: [
      { header: '评估环节', width: 14 },
      { header: '得分', width: 10, align: 'right' },
      { header: '满分', width: 10, align: 'right' },
      { header: '得分率（%）', width: 12, align: 'right' },
    ],
    rows: d.stages.map((s) => [
      vocabulary('resultStage', s.stage),
      num(s.points),
      num(s.max),
      num(scoreRate(s.points, s.max).toFixed(1)),
    ]),
    empty: '无分环节得分。',
  };
}

export function indicatorsTable(d: UnitReport): Table {
  return {
    caption: '指标得分明细',
    columns: [
      { header: '一级指标', width: 12 },
      { header: '指标编码', width: 9 },
      { header: '指标', width: 18 },
      { header: '完成值', width: 9, align: 'right' },
      { header: '计量单位', width: 8, align: 'center' },
      { header: '得分', width: 8, align: 'right' },
      { header: '满分', width: 8, align: 'right' },
      { header: '状态', width: 9, align: 'center' },
      { header: '计分说明', width: 44 },
    ],
    rows: d.indicators.map((i) => [
      i.path.join(' / '),
      i.code,
      i.name,
      i.value === null ? '—' : num(i.value),
      i.unitOfMeasure ?? '',
      num(i.points),
      num(i.max),
      vocabulary('leafStatus', i.status),
      i.reason.zh,
    ]),
    empty: '无指标得分。',
  };
}

export function dimensionsTable(d: UnitReport): Table {
  return {
    caption: '各维度得分与组内比较',
    columns: [
      { header: '维度', width: 14 },
      { header: '得分', width: 8, align: 'right' },
      { header: '满分', width: 8, align: 'right' },
      { header: '得分率（%）', width: 11, align: 'right' },
      { header: '组内平均', width: 9, align: 'right' },
      { header: '组内最高', width: 9, align: 'right' },
      { header: '组内最低', width: 9, align: 'right' },
      { header: '组内位次', width: 8, align: 'center' },
      { header: '组内单位数', width: 10, align: 'right' },
      { header: '判断', width: 8, align: 'center' },
    ],
    rows: d.dimensions.map((x) => [
      x.name,
      num(x.points),
      num(x.max),
      num(scoreRate(x.points, x.max).toFixed(1)),
      num(x.groupMean),
      num(x.groupMax),
      num(x.groupMin),
      num(x.position),
      num(x.of),
      vocabulary('positionVerdict', x.verdict),
    ]),
    empty: '无维度得分。',
  };
}

export function lossesTable(d: UnitReport): Table {
  return {
    caption: '主要失分指标',
    columns: [
      { header: '指标编码', width: 10 },
      { header: '指标', width: 24 },
      { header: '失分', width: 10, align: 'right' },
    ],
    rows: d.losses.map((l) => [l.code, l.name, num(l.lost)]),
    empty: '各项指标均得满分。',
  };
}

export function trendTable(d: UnitReport): Table {
  return {
    caption: '历年评估结果',
    columns: [
      { header: '年度', width: 8, align: 'center' },
      { header: '评估周期', width: 30 },
      { header: '总分', width: 10, align: 'right' },
      { header: '等次', width: 10, align: 'center' },
      { header: '名次', width: 6, align: 'center' },
      { header: '组内单位数', width: 10, align: 'right' },
    ],
    rows: d.trend.map((t) => [
      num(t.year),
      t.cycleName,
      num(t.total),
      t.grade.label.zh,
      num(t.rank),
      num(t.of),
    ]),
    empty: '暂无往年评估结果。',
  };
}

export function appealsTable(d: UnitReport): Table {
  return {
    caption: '申诉及复核情况',
    columns: [
      { header: '申诉事项', width: 18 },
      { header: '状态', width: 12, align: 'center' },
      { header: '复核意见', width: 36 },
      { header: '决定日期', width: 11, align: 'center' },
      { header: '申诉前总分', width: 10, align: 'right' },
      { header: '复核后总分', width: 10, align: 'right' },
    ],
    rows: d.appeals.map((a) => [
      a.subject,
      vocabulary('appealStatus', a.status),
      a.reason ?? '',
      a.decidedOn ?? '',
      a.before === undefined ? '' : num(a.before),
      a.after === undefined ? '' : num(a.after),
    ]),
    empty: '本年度未提出申诉。',
  };
}

export function tasksTable(d: UnitReport): Table {
  return {
    caption: '整改任务',
    columns: [
      { header: '整改任务', width: 26 },
      { header: '责任部门', width: 12 },
      { header: '整改期限', width: 11, align: 'center' },
      { header: '状态', width: 14, align: 'center' },
      { header: '逾期', width: 6, align: 'center' },
    ],
    rows: d.rectification.map((t) => [
      t.title,
      t.owner,
      t.deadline,
      vocabulary('rectificationStatus', t.status),
      yesNo(t.overdue),
    ]),
    empty: '无整改任务。',
  };
}
