import type { PeerGroup } from '@jixiao/core';
import { keys } from '../keys';
import type { Store } from '../store';

const GROUP = { zh: '分类考核组', en: 'Peer group' };
type Stamp = 'version' | 'createdAt' | 'updatedAt';
export type PeerGroupChanges = Partial<Omit<PeerGroup, Stamp | 'owner' | 'code'>>;

/** A recipient's peer groups (分类考核组, `P#<owner>#PEER`): a handful, read whole. */
export class PeerGroupsRepo {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  get = (owner: string, code: string) => this.store.get<PeerGroup>(keys.peerGroup(owner, code));

  all = (owner: string) => this.store.all<PeerGroup>(keys.peerGroups(owner), `P:${owner}:peer-groups`);

  async create(g: Omit<PeerGroup, Stamp>): Promise<PeerGroup> {
    const at = this.now().toISOString();
    const item: PeerGroup = { ...g, version: 1, createdAt: at, updatedAt: at };
    await this.store.create(
      keys.peerGroup(g.owner, g.code),
      undefined,
      { ...item, entity: 'peerGroup' },
      GROUP,
    );
    return item;
  }

  update = (owner: string, code: string, version: number, changes: PeerGroupChanges) =>
    this.store.update<PeerGroup>(
      keys.peerGroup(owner, code),
      version,
      { ...changes, updatedAt: this.now().toISOString() },
      GROUP,
    );

  remove = (owner: string, code: string, version: number) =>
    this.store.remove(keys.peerGroup(owner, code), version, GROUP);
}
