import { type Guidance, isAppError } from '@jixiao/core';
import { keys } from '../keys';
import type { Store } from '../store';

const GUIDANCE = { zh: '指导文件', en: 'Guidance document' };

/**
 * Guidance documents (指导文件): the city's own record (`T#<city>#GUIDE`) and one copy in each
 * recipient county's partition (`T#<county>#INBOX`), so a county reads only its own inbox. A
 * document is written once and never changed; a city sends tens a year, read whole and paged in memory.
 */
export class GuidanceRepo {
  constructor(private readonly store: Store) {}

  /** Writes the item unless it is there already (a resumed send); true when it wrote. */
  private async put(key: { pk: string; sk: string }, owner: string, g: Guidance, entity: string) {
    try {
      await this.store.create(key, undefined, { ...g, entity, tenant: owner }, GUIDANCE);
      return true;
    } catch (e) {
      if (isAppError(e) && e.code === 'already_exists') return false;
      throw e;
    }
  }

  /** The city's record; an existing one (the same send, resumed) is kept and returned. */
  async saveSent(city: string, g: Guidance): Promise<Guidance> {
    const key = keys.guidanceSent(city, g.id);
    if (await this.put(key, city, g, 'guidanceSent')) return g;
    return this.store.getOr404<Guidance>(key, GUIDANCE);
  }

  /** The copy in a county's inbox (kept if already delivered). */
  deliver = (county: string, g: Guidance) =>
    this.put(keys.guidanceReceived(county, g.id), county, g, 'guidanceReceived');

  sent = (city: string) => this.store.all<Guidance>(keys.guidanceSentList(city), `T:${city}:guidance-sent`);

  inbox = (county: string) =>
    this.store.all<Guidance>(keys.guidanceInbox(county), `T:${county}:guidance-inbox`);

  received = (county: string, id: string) =>
    this.store.getOr404<Guidance>(keys.guidanceReceived(county, id), GUIDANCE);
}
