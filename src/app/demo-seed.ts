import { App, RequestContext } from "./request/context";
import { User } from "../data/entities";
import { AdminRole, PurchaseChannel } from "../domain/enums";
import { createBot } from "./bots/bots";
import { addMembers, createGroup } from "./groups/groups";
import { assignGroupLicenses, assignUserLicenses } from "./licensing/licensing";
import { purchaseLicenses } from "./subscriptions/subscriptions";
import { createTenant } from "./tenants/tenants";
import { createUser } from "./users/users";

export interface DemoTenant {
  tenantId: string;
  admin: User;
  maker: User;
  reader: User;
}

const asUser = (app: App, u: User) => new RequestContext(app, { kind: "user", tenantId: u.tenantId, userId: u.id, user: u, roles: u.roles });

/** A small demo tenant through the same services the API uses: admin, a licensed maker, a reader, nested groups, a bot. */
export async function seedDemo(app: App): Promise<DemoTenant> {
  const op = new RequestContext(app, { kind: "operator" });
  const { tenant, admin } = await createTenant(op, {
    displayName: "Contoso", adminUserPrincipalName: "admin@contoso.example", adminDisplayName: "Ada Admin",
  });
  const ctx = asUser(app, admin);
  const tenantSku = app.catalog.skuByPartNumber("POWER_VIRTUAL_AGENTS")!;
  const userSku = app.catalog.skuByPartNumber("POWER_VIRTUAL_AGENTS_USER")!;
  await purchaseLicenses(ctx, {
    channel: PurchaseChannel.ADMIN_CENTER,
    items: [{ skuId: tenantSku.id, quantity: 1 }, { skuId: userSku.id, quantity: 5 }],
  });
  const maker = await createUser(ctx, { userPrincipalName: "maker@contoso.example", displayName: "Max Maker" });
  const reader = await createUser(ctx, { userPrincipalName: "reader@contoso.example", displayName: "Rita Reader", roles: [AdminRole.GLOBAL_READER] });
  const people = [];
  for (const [upn, name] of [["sam@contoso.example", "Sam Support"], ["lee@contoso.example", "Lee Lead"], ["kim@contoso.example", "Kim Knowledge"]]) {
    people.push(await createUser(ctx, { userPrincipalName: upn, displayName: name }));
  }
  const makers = await createGroup(ctx, { displayName: "Bot Makers", description: "Everyone who builds bots" });
  const support = await createGroup(ctx, { displayName: "Support Bots Team", description: "Nested inside Bot Makers" });
  await addMembers(ctx, { groupId: support.id, userIds: people.map((p) => p.id) });
  await addMembers(ctx, { groupId: makers.id, groupIds: [support.id] });
  await assignUserLicenses(ctx, { userId: maker.id, addLicenses: [{ skuId: userSku.id }] });
  await assignGroupLicenses(ctx, { groupId: makers.id, addLicenses: [{ skuId: userSku.id }] });
  await createBot(asUser(app, maker), { name: "Contoso Helpdesk" });
  return { tenantId: tenant.id, admin, maker, reader };
}
