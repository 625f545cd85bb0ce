import { keys } from '../keys';
import type { Store } from '../store';

/** What a public consultation link points at. */
export interface ConsultationLink {
  id: string;
  cycle: string;
  unit: string;
}

/**
 * The public ids of consultations (art. 11) → the plan they show. Under the tenant's key: the
 * public URL names the tenant, so another tenant's link id finds nothing here.
 */
export class ConsultationsRepo {
  constructor(private readonly store: Store) {}

  get = (t: string, id: string) => this.store.get<ConsultationLink>(keys.consultation(t, id));

  async create(t: string, link: ConsultationLink): Promise<void> {
    await this.store.create(
      keys.consultation(t, link.id),
      undefined,
      { ...link, version: 1, entity: 'consultation', tenant: t },
      { zh: '征求意见', en: 'Consultation' },
    );
  }
}
