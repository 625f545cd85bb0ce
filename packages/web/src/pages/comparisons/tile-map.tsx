import { useView } from '../../context';
import { t } from '../../i18n';
import { Figure } from '../portal/charts';
import type { TileBlocks } from './charts';

/**
 * 分地区瓦片图: the group's members as tiles by division, in rows by city, coloured by composite;
 * why a tile map; and the same tiles in words (a list per row) for whoever cannot see the picture.
 */
export function TileMapSection(props: { svg: string; blocks: TileBlocks }) {
  const { lang } = useView();
  return (
    <section class="card" aria-labelledby="h-map" id="tile-map">
      <h2 id="h-map">{t(lang, 'cmMap')}</h2>
      <p class="hint">{t(lang, 'cmMapHint')}</p>
      <Figure id="chart-tile-map" caption={t(lang, 'cmMapChart')} svg={props.svg} />
      <details id="tile-map-text">
        <summary>{t(lang, 'cmMapText')}</summary>
        {props.blocks.map((b) => (
          <div data-block={b.code}>
            <h3>{b.name}</h3>
            <ul>
              {b.tiles.map((tile) => (
                <li data-tenant={tile.code}>
                  {tile.name}
                  {t(lang, 'colon')}
                  {tile.value === null
                    ? tile.note
                    : tile.rank
                      ? t(lang, 'cmTrendCell', { composite: tile.text ?? tile.value, rank: tile.rank })
                      : (tile.text ?? tile.value)}
                </li>
              ))}
            </ul>
          </div>
        ))}
      </details>
    </section>
  );
}
