import { LIKERT_LEVELS, type LikertLevel } from '@jixiao/core';
import type { Loose } from './demo-api';
import type { DemoReview } from './demo-review';

/**
 * The demo year's satisfaction survey (#9), through the API: one open survey of the 13 demo units
 * feeding D3-2 with its three groups — invitations for service recipients (bound to the unit that
 * served them, 一次一评) and for deputies, the open link for the public — with enough answers that
 * the groups pass the minimum sample (30) for seven units, too few for the others, and some
 * suspicious answers so that every integrity signal shows: one device answering five times, a
 * burst from one network, identical patterns, answers too fast to be read.
 *
 * Answers start on one day and are sent the next (the demo clock moves by days; answering in the
 * same instant would be "too fast"). Client addresses go in `x-forwarded-for` where the demo
 * caller passes headers; without them every answer's network is unknown, which the open link's
 * hourly limit still counts (the days spread the public's answers to stay under it).
 */

type CallWithHeaders = (
  user: string | undefined,
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
) => Promise<Loose>;

const GROUPS = [
  { key: 'clients', label: '服务对象', weight: 0.5 },
  { key: 'deputies', label: '人大代表政协委员', weight: 0.2 },
  { key: 'public', label: '社会公众', weight: 0.3, openLink: true },
];
const FULL_UNITS = 7;
const CLIENTS_FULL = 31;
const CLIENTS_FEW = 10;
const DEPUTIES = 31;
/** Invitations handed out but never answered (not everybody answers). */
const UNANSWERED = 5;
const PUBLIC_DAYS = [17, 14];
const COMMENTS = [
  '希望进一步简化办事流程',
  '窗口工作人员态度很好',
  '网上办理还需要更方便',
  '信息公开可以更及时',
];

/** A small deterministic generator (mulberry32), so the demo is the same at every fresh start. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = random(20251201);

/** A level leaning to satisfied, a little less so for some units (so the units differ). */
function level(unitIndex: number): LikertLevel {
  const x = rnd() + (unitIndex % 4) * 0.06;
  return LIKERT_LEVELS[x < 0.35 ? 0 : x < 0.75 ? 1 : x < 0.92 ? 2 : x < 0.98 ? 3 : 4]!;
}

const ratingsOf = (units: readonly string[], all: readonly string[]) =>
  Object.fromEntries(
    units.map((u) => {
      const i = all.indexOf(u);
      return [u, { q1: level(i), q2: level(i + 1) }];
    }),
  );

let answerNo = 0;
/** A distinct /24 for each ordinary answer (a documentation-style address, not a real person's). */
const freshAddress = () => {
  const n = ++answerNo;
  return `${36 + (n % 180)}.${Math.floor(n / 180) % 250}.${n % 250}.${10 + (n % 200)}`;
};
const device = (tag: string) => `demo${tag}${String(++answerNo).padStart(6, '0')}`;

const shift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export async function seedDemoSurveys(r: DemoReview): Promise<void> {
  const call: CallWithHeaders = r.call;
  const base = `/v1/cycles/${r.cycleId}/surveys`;
  const pub = `/v1/public/230100/surveys/${r.cycleId}`;
  const units: { code: string; name: string }[] = [];
  for (const group of ['ECON', 'SOCIAL', 'ENFORCE'])
    units.push(...(await call('hrb-admin', 'GET', `/v1/units?group=${group}&limit=200`)).items);
  const codes = units.map((u) => u.code).sort();
  if (codes.length === 0) return;

  const day = '2026-12-01';
  r.at(day);
  const created = await call('hrb-admin', 'POST', base, {
    title: '2025 年度市直部门满意度测评',
    intro:
      '本次测评匿名进行，不收集姓名和联系方式，约需 3 分钟。请根据您的亲身感受，对下列单位的工作作出评价。',
    groups: GROUPS,
    units: codes,
    questions: [
      { code: 'q1', text: '您对该单位工作的总体满意程度', kind: 'likert', leaf: 'D3-2' },
      { code: 'q2', text: '您对该单位服务态度和办事效率的评价', kind: 'likert' },
      { code: 'q3', text: '您对该单位的意见和建议（选填）', kind: 'text' },
    ],
    openLink: { enabled: true, perNetworkPerHour: 30 },
    fastSeconds: 3,
  });
  const id: string = created.id;
  await call('hrb-admin', 'POST', `${base}/${id}/transitions`, { version: created.version, action: 'open' });

  // Invitations: service recipients per unit (bound to it), deputies for every unit.
  const batches: { group: string; unit?: string; count: number }[] = [
    ...codes.map((unit, i) => ({
      group: 'clients',
      unit,
      count: i < FULL_UNITS ? CLIENTS_FULL : CLIENTS_FEW,
    })),
    { group: 'deputies', count: DEPUTIES + UNANSWERED },
  ];
  const tokens: { token: string; unit?: string }[] = [];
  let unanswered = 0;
  for (const b of batches) {
    const issued = await call('hrb-admin', 'POST', `${base}/${id}/invitations`, {
      ...b,
      note: b.group === 'clients' ? '政务服务中心办件回访（示例）' : '人大代表政协委员座谈会发放（示例）',
    });
    const list = await call('hrb-admin', 'GET', `${base}/${id}/invitations?batch=${issued.batch}&limit=200`);
    tokens.push(
      ...list.items.map((i: { id: string; unit?: string }) => ({
        token: i.id,
        ...(i.unit ? { unit: i.unit } : {}),
      })),
    );
    if (b.group === 'deputies') unanswered = UNANSWERED;
  }
  tokens.splice(tokens.length - unanswered, unanswered);
  // Opened on the first day (the QR code scanned), answered on the next.
  const starts: string[] = [];
  for (const t of tokens) starts.push((await call(undefined, 'GET', `${pub}/${id}?token=${t.token}`)).start);
  const openStart = (await call(undefined, 'GET', `${pub}/${id}`)).start;

  r.at(shift(day, 1));
  const answer = (body: Record<string, unknown>, address = freshAddress()) =>
    call(undefined, 'POST', `${pub}/${id}/answers`, body, { 'x-forwarded-for': address });
  for (const [i, t] of tokens.entries()) {
    await answer({
      start: starts[i],
      token: t.token,
      ratings: ratingsOf(t.unit ? [t.unit] : codes, codes),
      ...(i % 9 === 0 ? { texts: { q3: COMMENTS[i % COMMENTS.length] } } : {}),
      device: device('c'),
    });
  }
  const publicAnswer = (start: string, extra: Record<string, unknown> = {}, address?: string) =>
    answer(
      { start, group: 'public', ratings: ratingsOf(codes, codes), device: device('p'), ...extra },
      address,
    );
  for (let i = 0; i < PUBLIC_DAYS[0]!; i++) await publicAnswer(openStart);
  const nextStart = (await call(undefined, 'GET', `${pub}/${id}`)).start;

  r.at(shift(day, 2));
  for (let i = 0; i < PUBLIC_DAYS[1]!; i++) await publicAnswer(nextStart);
  // Suspicious: one device five times; four identical answers from different phones.
  const oneDevice = device('x');
  for (let i = 0; i < 5; i++) await publicAnswer(nextStart, { device: oneDevice });
  const same = ratingsOf(codes, codes);
  for (let i = 0; i < 4; i++) await publicAnswer(nextStart, { ratings: same });
  const lastStart = (await call(undefined, 'GET', `${pub}/${id}`)).start;

  r.at(shift(day, 3));
  // A burst: twelve answers from one network at once; and three answered in no time at all.
  for (let i = 0; i < 12; i++) await publicAnswer(lastStart, {}, `61.158.24.${20 + i}`);
  const fastStart = (await call(undefined, 'GET', `${pub}/${id}`)).start;
  for (let i = 0; i < 3; i++) await publicAnswer(fastStart);
}
