import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleStack, idemOf, type Session, startConsole } from './support';

/**
 * A unit drafts its own indicator system in the console (art. 20) and the office reviews it: the
 * list says who drafted what, the version page offers each side exactly its own actions, and a
 * template that names a unit group asks which of the tenant's groups it means.
 */
let s: ConsoleStack;
let admin: Session;
let fgw: Session;
let jyj: Session;
beforeAll(async () => {
  s = await startConsole();
  admin = await s.as('230100', 'hrb-admin');
  fgw = await s.as('230100', 'hrb-fgw');
  jyj = await s.as('230100', 'hrb-jyj');
});
afterAll(() => s.stop());

const actionsOf = async (who: Session, path: string) =>
  [...(await (await who.get(path)).text()).matchAll(/data-action="([a-z-]+)"/g)].map((m) => m[1]);

describe('a unit drafts and submits, the office approves', () => {
  it('maps the template group, drafts, submits; only the office approves; other units never see it', async () => {
    // The list tells a unit what it can do, and names who drafted each system.
    const list = await (await fgw.get('/console/indicator-systems')).text();
    expect(list).toContain('data-hint="unit-draft"');
    expect(list).toContain('第二十条');
    expect(list).toContain('>从模板新建</a>');

    // The department template names the group `approval`: its preview asks which groups it means.
    const preview = await (await fgw.get('/console/indicator-templates/department')).text();
    expect(preview).toContain('name="groups.approval"');
    expect(preview).toContain('value="ECON"');
    const gallery = await (await fgw.get('/console/indicator-templates')).text();
    expect(gallery).toContain('href="/console/indicator-templates/department#use"');

    const used = await fgw.post('/console/indicator-templates/department/use', [
      ['_idem', idemOf(preview) ?? ''],
      ['groups.approval', 'ECON'],
      ['groups.approval', 'ENFORCE'],
    ]);
    expect(used.status).toBe(303);
    const id = /indicator-systems\/(is[a-z2-7]+)\/versions\/1\/edit/.exec(
      used.headers.get('location') ?? '',
    )?.[1];
    expect(id).toBeDefined();
    const stored = await fgw.api('GET', `/v1/indicator-systems/${id}/versions/1`);
    expect(stored.body.owner).toBe('FGW');
    expect(stored.body.issues).toEqual([]);

    const page = `/console/indicator-systems/${id}/versions/1`;
    expect(await actionsOf(fgw, page)).toEqual(['submit', 'delete']);
    expect((await jyj.get(page)).status).toBe(404);
    const office = await (await admin.get('/console/indicator-systems')).text();
    expect(office).toMatch(new RegExp(`<tr data-id="${id}">[\\s\\S]*?<span class="code">FGW</span>`));

    const submitted = await fgw.post(`${page}/transition`, {
      action: 'submit',
      version: String(stored.body.version),
    });
    expect(submitted.status).toBe(303);
    expect(await actionsOf(fgw, page)).toEqual([]);
    expect(await actionsOf(admin, page)).toEqual(['approve', 'return']);
    // Even a forged approve from the unit is refused by the API, and the page says so.
    const forged = await fgw.post(`${page}/transition`, {
      action: 'approve',
      version: String(stored.body.version + 1),
    });
    expect(forged.status).toBe(403);

    const approved = await admin.post(`${page}/transition`, {
      action: 'approve',
      version: String(stored.body.version + 1),
    });
    expect(approved.status).toBe(303);
    expect((await fgw.api('GET', `/v1/indicator-systems/${id}`)).body.status).toBe('approved');
    expect(await actionsOf(fgw, page)).toEqual(['new-version']);
  });

  it('a unit is not offered the office’s drafts or actions on the office’s systems', async () => {
    expect(await actionsOf(fgw, '/console/indicator-systems/ishrbdepartmnt')).toEqual([]);
    expect((await fgw.get('/console/indicator-systems/ishrbdistrict2')).status).toBe(404);
    // The editor of a system the unit may not edit sends it back to the version page.
    const edit = await fgw.get('/console/indicator-systems/ishrbdepartmnt/versions/1/edit');
    expect(edit.status).toBe(303);
  });
});
