import {
  type Bilingual,
  GRADE_LEVEL_LABELS,
  isEnumValue,
  RESULT_STAGE_LABELS,
  RESULT_STAGES,
  RUN_KIND_LABELS,
  RUN_STATUS_LABELS,
  RUN_STEP_LABELS,
  type RunStatus,
  type RunView,
  type StageResult,
} from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { useView } from '../../context';
import { formatDateTime, type Lang, type MessageKey, t } from '../../i18n';
import { BackToCycle } from '../cycles/office/paths';

/** What the evaluation's pages share: a run's name and badges, stages, grades, and the page top. */

const STATUS_CLASS: Record<RunStatus, string> = {
  running: 'badge st-submitted',
  failed: 'badge off',
  ready: 'badge st-draft',
  released: 'badge ok',
  superseded: 'badge st-retired',
};

/** 计算中 / 待审核 / 已发布 … as a badge with its words. */
export function RunStatusBadge(props: { status: RunStatus }) {
  const { lang } = useView();
  return (
    <span class={STATUS_CLASS[props.status]} data-run-status={props.status}>
      {RUN_STATUS_LABELS[props.status][lang]}
    </span>
  );
}

/** 第 3 次计算. */
export const runName = (lang: Lang, run: { number: number }) => t(lang, 'erRunN', { n: run.number });

/** 第 3 次计算 · 预览试算. */
export const runTitle = (lang: Lang, run: Pick<RunView, 'number' | 'kind'>) =>
  `${runName(lang, run)} · ${RUN_KIND_LABELS[run.kind][lang]}`;

/** The step under way (or the last one done) in words. */
export const stepText = (lang: Lang, run: Pick<RunView, 'step'>) => RUN_STEP_LABELS[run.step][lang];

/** Whether a run's results can be read (its batch finished). */
export const finished = (run: Pick<RunView, 'status'>) =>
  run.status === 'ready' || run.status === 'released' || run.status === 'superseded';

/** Who and when: `孙明 · 2026年3月2日 10:15` (Beijing time). */
export const stampText = (lang: Lang, s: { by: string; name?: string | undefined; at: string }) =>
  `${s.name ?? s.by} · ${formatDateTime(s.at, lang)}`;

/** A grade code in words: the default levels from the vocabulary, others as the API gave them. */
export const gradeText = (lang: Lang, code: string, label?: Bilingual) =>
  label ? label[lang] : isEnumValue('gradeLevel', code) ? GRADE_LEVEL_LABELS[code][lang] : code;

/** `12.50 / 20.00`: a stage's points of its maximum, or a dash when the unit has no leaf of it. */
export function stageText(stages: readonly StageResult[], stage: StageResult['stage']): string {
  const s = stages.find((x) => x.stage === stage);
  return s ? `${s.points.shown} / ${s.max.shown}` : '—';
}

/** The column heads of the three stages (指标考核, 满意度测评, 专家评议). */
export const stageHeads = (lang: Lang) => RESULT_STAGES.map((s) => RESULT_STAGE_LABELS[s][lang]);

/** `+1.50` / `-2.00`: a signed amount as shown. */
export const signed = (shown: string) =>
  shown.startsWith('-') || shown.startsWith('+') ? shown : `+${shown}`;

const OK_KEYS: Record<string, MessageKey> = {
  started: 'erFlashStarted',
  resumed: 'erFlashResumed',
  released: 'erFlashReleased',
};

/**
 * The top of an evaluation page: the way back (to the cycle, or the page named), the title, and
 * the flash after a change.
 */
export function EvalHeading(props: {
  cycle: { id: string; name: string };
  title: string;
  back?: { href: string; label: string };
}) {
  const { lang, url } = useView();
  const ok = OK_KEYS[url.searchParams.get('ok') ?? ''];
  return (
    <>
      {props.back ? (
        <p>
          <a href={props.back.href}>← {props.back.label}</a>
        </p>
      ) : (
        <BackToCycle cycle={props.cycle} />
      )}
      <h1>{props.title}</h1>
      <Flash />
      {ok ? (
        <p class="flash" role="status" id="evaluation-flash">
          {t(lang, ok)}
        </p>
      ) : null}
    </>
  );
}
