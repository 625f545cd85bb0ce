import type { DataLayer } from '@jixiao/data';
import type { ProvinceDriver } from './demo-province-api';
import { replayProvinceYear } from './demo-province-cycles';
import { seedProvinceSharing } from './demo-province-sharing';
import { PROVINCE_TENANTS, seedProvinceTenants } from './demo-province-tenants';

export type { ProvinceDriver } from './demo-province-api';

/**
 * 黑龙江省's cross-region comparison demo (#12), in parts the stack replays once each (a seed marker
 * per part, so a replay cut short is retried and an existing data folder gains the demo once):
 * the fourteen tenants (data layer), their 2024 and 2025 annual cycles through the API and the real
 * year-end state machine, then the province's library, the tenants' mappings and shares, the peer
 * groups and 哈尔滨市's guidance to its counties, all through the API.
 */
export function provinceDemoParts(data: DataLayer): [string, (d: ProvinceDriver) => Promise<void>][] {
  return [
    ['demo-province-tenants', () => seedProvinceTenants(data)],
    ['demo-province-2024', (d) => replayProvinceYear(d, PROVINCE_TENANTS, 2024)],
    ['demo-province-2025', (d) => replayProvinceYear(d, PROVINCE_TENANTS, 2025)],
    ['demo-province-sharing', (d) => seedProvinceSharing(d, PROVINCE_TENANTS)],
  ];
}
