import {
  APPEAL_STATUS_LABELS,
  type AppealStanding,
  type AppealStatus,
  type AppealView,
  labelOf,
} from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { useView } from '../../context';
import { formatDateTime, type Lang, t } from '../../i18n';
import { BackToCycle } from '../cycles/office/paths';

/** What the outcome pages (appeals, rectification, uses of results) share: a heading, stamps, standings. */

export function OutcomeHeading(props: { cycle: { id: string; name: string }; title: string; back?: string }) {
  const { lang } = useView();
  return (
    <>
      {props.back ? (
        <p>
          <a href={props.back}>← {t(lang, 'ocBackToList')}</a>
        </p>
      ) : (
        <BackToCycle cycle={props.cycle} />
      )}
      <h1>{props.title}</h1>
      <Flash />
    </>
  );
}

/** Who and when: `李强（市发改委） · 2027年1月5日 10:00` (Beijing time). */
export const stampText = (lang: Lang, s: { by: string; name?: string | undefined; at: string }) =>
  `${s.name ?? s.by} · ${formatDateTime(s.at, lang)}`;

/** `86.50 · 第 3 名（共 8 名） · 良好`. */
export const standingText = (lang: Lang, s: AppealStanding) =>
  [
    `${t(lang, 'ocTotal')} ${s.total}`,
    t(lang, 'ocRankOf', { rank: s.rank, of: s.of }),
    s.gradeLabel[lang],
  ].join(' · ');

const STATUS_CLASS: Record<AppealStatus, string> = {
  submitted: 'badge st-submitted',
  accepted: 'badge ok',
  rejected: 'badge off',
  withdrawn: 'badge',
};

export function AppealStatusBadge(props: { status: AppealStatus }) {
  const { lang } = useView();
  return (
    <span class={STATUS_CLASS[props.status]} data-status={props.status}>
      {APPEAL_STATUS_LABELS[props.status][lang]}
    </span>
  );
}

/** What an appeal is about: the indicator (code and name) or the conclusion. */
export const targetText = (lang: Lang, a: Pick<AppealView, 'target' | 'leaf' | 'leafName'>) =>
  a.target === 'indicator'
    ? `${a.leaf ?? ''} ${a.leafName ?? ''}`.trim()
    : labelOf('appealTarget', 'conclusion', lang);

/** `上升 2 位` / `下降 1 位` / `名次不变`. */
export const rankChangeText = (lang: Lang, n: number) =>
  n > 0 ? t(lang, 'ocRankUp', { n }) : n < 0 ? t(lang, 'ocRankDown', { n: -n }) : t(lang, 'ocRankSame');
