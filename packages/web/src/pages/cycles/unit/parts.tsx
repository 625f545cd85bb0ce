import { isEnumValue, type Light, labelOf, shanghaiDay } from '@jixiao/core';
import type { Child } from 'hono/jsx';
import { useView } from '../../../context';
import { type Lang, t } from '../../../i18n';

/** Small pieces every unit page shares: deadlines, warning lights, status badges, the `?done=` note. */

/** Today in Asia/Shanghai: the calendar's days are Beijing days, as the API counts deadlines. */
export const today = (): string => shanghaiDay(new Date());

/** Calendar days from one day to another (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A calendar day as users write it: `2034年3月31日` (zh) or `2034-03-31` (en). */
export function formatDay(day: string | undefined, lang: Lang): string {
  if (!day) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m || lang === 'en') return day;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/**
 * A deadline: the day and the days left, or — once passed and not done — 逾期 N 天, in red and in
 * words (colour is never the only sign).
 */
export function Due(props: { day: string | undefined; done?: boolean }) {
  const { lang } = useView();
  if (!props.day) return null;
  const left = daysBetween(today(), props.day);
  const date = formatDay(props.day, lang);
  if (props.done) return <span data-due={props.day}>{date}</span>;
  const [cls, text, state] =
    left < 0
      ? ['badge off', t(lang, 'cuOverdue', { n: -left }), 'overdue']
      : left === 0
        ? ['badge st-draft', t(lang, 'cuDueToday'), 'today']
        : [left <= 7 ? 'badge st-draft' : 'badge', t(lang, 'cuDaysLeft', { n: left }), 'open'];
  return (
    <span data-due={props.day} data-due-state={state}>
      {date} <span class={cls}>{text}</span>
    </span>
  );
}

const LIGHT_CLASS: Record<Light, string> = { green: 'c3', yellow: 'c1', red: 'c0', none: 'c5' };

/** A warning light: a coloured dot and its name (never the colour alone). */
export function LightLabel(props: { light: Light }) {
  const { lang } = useView();
  return (
    <span class="light" data-light={props.light}>
      <span class={`dot ${LIGHT_CLASS[props.light]}`} aria-hidden="true" />
      {labelOf('light', props.light, lang)}
    </span>
  );
}

/** Status badge colours by what the status means for the unit: to do, waiting, done, sent back. */
export type Tone = 'todo' | 'waiting' | 'done' | 'back' | 'none';
const TONE_CLASS: Record<Tone, string> = {
  todo: 'badge st-draft',
  waiting: 'badge st-submitted',
  done: 'badge st-approved',
  back: 'badge off',
  none: 'badge',
};

export const Badge = (props: { tone: Tone; status?: string; children: Child }) => (
  <span class={TONE_CLASS[props.tone]} data-status={props.status}>
    {props.children}
  </span>
);

const PLAN_TONE: Record<string, Tone> = {
  missing: 'todo',
  draft: 'todo',
  consultation: 'waiting',
  submitted: 'waiting',
  returned: 'back',
  approved: 'done',
  published: 'done',
};

/** An annual plan's status (编制中, 公开征求意见中 …), or 未编制 before its first save. */
export function PlanStatus(props: { status: string | undefined }) {
  const { lang } = useView();
  const s = props.status ?? 'missing';
  const label = isEnumValue('annualPlanStatus', s)
    ? labelOf('annualPlanStatus', s, lang)
    : t(lang, 'cuNotStarted');
  return (
    <Badge tone={PLAN_TONE[s] ?? 'none'} status={s}>
      {label}
    </Badge>
  );
}

/** The note after an action (`?done=submit`), in the action's own words. */
export function DoneNote(props: { label: (action: string) => string | undefined }) {
  const { lang, url } = useView();
  const done = url.searchParams.get('done');
  const label = done ? props.label(done) : undefined;
  if (!label) return null;
  return (
    <p class="flash" role="status">
      {t(lang, 'cuDone', { action: label })}
    </p>
  );
}

/** A back link above a page's title. */
export const Back = (props: { href: string; label: string }) => (
  <p>
    <a href={props.href}>← {props.label}</a>
  </p>
);
