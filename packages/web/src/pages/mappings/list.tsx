import { CONTRACTS } from '@jixiao/api/contracts';
import type { LeafMapping, SystemListing } from '@jixiao/core';
import { Flash } from '../../components/feedback';
import { problemPage } from '../../components/message-page';
import { type Ctx, useView } from '../../context';
import { t } from '../../i18n';
import { MAPPINGS } from '../comparisons/routes';
import { stampText } from '../evaluation/parts';
import { mappingHref, SHARING_HREF } from '../sharing/paths';

/**
 * 指标对标 (`/console/sharing/mappings`): the tenant's indicator systems, how many leaves of each
 * are mapped to the province's standard indicators and by whom, each with the way to its mapping.
 */
function MappingList(props: {
  systems: readonly SystemListing[];
  mappings: ReadonlyMap<string, LeafMapping>;
}) {
  const { lang } = useView();
  return (
    <>
      <p>
        <a href={SHARING_HREF}>← {t(lang, 'shIndexTitle')}</a>
      </p>
      <h1>{t(lang, 'mpTitle')}</h1>
      <Flash />
      <p class="hint">{t(lang, 'mpIntro')}</p>
      {props.systems.length === 0 ? (
        <p class="card" id="mappings-empty">
          {t(lang, 'mpNoSystems')}
        </p>
      ) : (
        <div class="scroll">
          <table id="mappings">
            <caption>{t(lang, 'mpSystemsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t(lang, 'mpSystem')}</th>
                <th scope="col">{t(lang, 'mpVersion')}</th>
                <th scope="col">{t(lang, 'mpMapped')}</th>
                <th scope="col">{t(lang, 'mpUpdated')}</th>
                <th scope="col">{t(lang, 'mpEdit')}</th>
              </tr>
            </thead>
            <tbody>
              {props.systems.map((s) => {
                const m = props.mappings.get(s.id);
                return (
                  <tr id={`mapping-${s.id}`} data-system={s.id}>
                    <th scope="row">{s.latest.name}</th>
                    <td>{t(lang, 'versionN', { n: s.latest.systemVersion })}</td>
                    <td>
                      {m && m.items.length > 0 ? (
                        <span class="badge ok">{t(lang, 'mpMappedCount', { n: m.items.length })}</span>
                      ) : (
                        <span class="badge">{t(lang, 'mpNotMapped')}</span>
                      )}
                    </td>
                    <td>{m ? stampText(lang, m.updated) : '—'}</td>
                    <td>
                      <a href={mappingHref(s.id)}>{t(lang, 'mpEdit')}</a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** `GET /console/sharing/mappings`. */
export async function mappingList(c: Ctx) {
  const api = c.get('api');
  const [systems, mappings] = await Promise.all([
    api.all(CONTRACTS.systems.list, {}),
    api.call(MAPPINGS.list, {}),
  ]);
  if (!systems.ok) return problemPage(c, systems.problem);
  if (!mappings.ok) return problemPage(c, mappings.problem);
  return c.render(
    <MappingList
      systems={systems.data.items}
      mappings={new Map(mappings.data.items.map((m) => [m.system, m]))}
    />,
    { title: t(c.get('lang'), 'mpTitle') },
  );
}
