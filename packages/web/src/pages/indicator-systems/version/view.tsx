import { CONTRACTS } from '@jixiao/api/contracts';
import { contentOf, type SystemContent, type SystemVersionSummary, type SystemView } from '@jixiao/core';
import { StatusBadge } from '../../../components/badges';
import { Flash } from '../../../components/feedback';
import { problemPage } from '../../../components/message-page';
import { type Ctx, seg, useView } from '../../../context';
import { formatDateTime, num, t } from '../../../i18n';
import { may, useMay } from '../../../policy';
import { SYSTEMS, TEMPLATES, versionHref } from '../paths';
import { loadTrialUnits } from '../trial/inputs';
import { TrialPanel, type TrialState } from '../trial/panel';
import { IssueSummary } from './issues';
import { ExportLink, Lifecycle, type LifecycleState, lifecycleOffered } from './lifecycle';
import { SideSections } from './side-sections';
import { TreeTable } from './tree-table';
import type { CorrectionState } from './weight-correction';
import { WeightCorrection } from './weight-correction';

export interface VersionState extends LifecycleState, CorrectionState {
  trial?: TrialState;
}

type Trial = Awaited<ReturnType<typeof loadTrialUnits>> & { state: TrialState };

function Facts(props: { s: SystemView }) {
  const { lang } = useView();
  const { s } = props;
  return (
    <section class="card">
      {s.description ? <p>{s.description}</p> : null}
      <dl class="facts">
        <dt>{t(lang, 'status')}</dt>
        <dd>
          <StatusBadge status={s.status} />
        </dd>
        {s.statusNote ? (
          <>
            <dt>{t(lang, 'statusNote')}</dt>
            <dd class="note">{s.statusNote}</dd>
          </>
        ) : null}
        {s.template ? (
          <>
            <dt>{t(lang, 'template')}</dt>
            <dd>
              <a href={`${TEMPLATES}/${seg(s.template)}`}>{s.template}</a>
            </dd>
          </>
        ) : null}
        <dt>{t(lang, 'totalPoints')}</dt>
        <dd>{num(s.total)}</dd>
        <dt>{t(lang, 'updatedAt')}</dt>
        <dd>{formatDateTime(s.updatedAt, lang)}</dd>
      </dl>
    </section>
  );
}

function Versions(props: { current: number; versions: readonly SystemVersionSummary[] }) {
  const { lang } = useView();
  return (
    <section class="card" aria-labelledby="h-versions">
      <h2 id="h-versions">{t(lang, 'isVersions')}</h2>
      <ol class="versions">
        {[...props.versions].reverse().map((x) => (
          <li>
            <a
              href={versionHref(x.id, x.systemVersion)}
              aria-current={x.systemVersion === props.current ? 'page' : undefined}
            >
              {t(lang, 'versionN', { n: x.systemVersion })}
            </a>{' '}
            <StatusBadge status={x.status} /> <span class="muted">{formatDateTime(x.updatedAt, lang)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function VersionView(props: {
  s: SystemView;
  content: SystemContent;
  versions: readonly SystemVersionSummary[];
  state: VersionState;
  trial?: Trial;
}) {
  const { lang } = useView();
  const mayDo = useMay();
  const { s, content, trial } = props;
  const changes = lifecycleOffered(s);
  return (
    <>
      <p>
        <a href={SYSTEMS}>← {t(lang, 'isTitle')}</a>
      </p>
      <div class="toolbar">
        <h1>
          {s.name} <StatusBadge status={s.status} />{' '}
          <span class="badge">{t(lang, 'versionN', { n: s.systemVersion })}</span>
        </h1>
        <span class="spacer" />
        {!changes && mayDo(CONTRACTS.indicatorFiles.export) ? (
          <ExportLink href={versionHref(s.id, s.systemVersion)} />
        ) : null}
      </div>
      <Flash />
      <div class="two">
        <Facts s={s} />
        <Versions current={s.systemVersion} versions={props.versions} />
      </div>
      {changes ? <Lifecycle s={s} state={props.state} /> : null}
      <IssueSummary issues={s.issues} showNone={s.status === 'draft'} />
      <WeightCorrection s={s} state={props.state} />
      <TreeTable content={content} issues={s.issues} />
      <SideSections content={content} issues={s.issues} />
      {trial ? (
        <TrialPanel
          action={`${versionHref(s.id, s.systemVersion)}/trial`}
          state={trial.state}
          unitNames={trial.unitNames}
          groupNames={trial.groupNames}
          levels={content.grading.levels.map((l) => l.code)}
          noUnits={trial.noUnits}
        />
      ) : null}
    </>
  );
}

/**
 * A version of a system (`version` undefined: the latest the caller may see): its facts, versions,
 * lifecycle, issues at their rows, the tree and side sections, and the trial panel. Also the page
 * a lifecycle action or a trial answers with.
 */
export async function versionPage(c: Ctx, id: string, version: number | undefined, state: VersionState = {}) {
  const api = c.get('api');
  const [sys, one] = await Promise.all([
    api.call(CONTRACTS.systems.get, { params: { id } }),
    version === undefined
      ? undefined
      : api.call(CONTRACTS.systems.getVersion, { params: { id, v: version } }),
  ]);
  const r = one ?? sys;
  if (!r.ok) return problemPage(c, r.problem);
  const s = r.data;
  const content = contentOf(s);
  let trial: Trial | undefined;
  if (s.allowed.trial && may(c.get('me'), CONTRACTS.systems.trial)) {
    const units = await loadTrialUnits(c, content);
    trial = { ...units, state: state.trial ?? { inputs: units.sample } };
  }
  return c.render(
    <VersionView
      s={s}
      content={content}
      versions={sys.ok ? (sys.data.versions ?? []) : []}
      state={state}
      trial={trial}
    />,
    { title: s.name, wide: true },
  );
}
