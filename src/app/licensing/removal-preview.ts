import type { RequestContext } from "../request/context";
import { GroupLicenseAssignment, User } from "../../data/entities";
import { SeatEngine } from "../../data/licensing/seat-engine";
import { countMembersWanting } from "../../data/licensing/members-wanting";
import { Permission, requirePermission } from "../auth/permissions";
import { findGroup } from "../groups/rules";
import { previewedSku } from "./licensing";
import type { GroupLicenseRemovalImpact } from "./types";

/** S11: users named in a removal preview, per list. */
export const PREVIEW_LISTED = 100;

/**
 * S11: what removing `skuId` from a group would do. The removal runs as assignGroupLicenses runs it (the seat
 * engine ends the wants left without a source, S1, and gives the freed seats to the next in line, S4/S5) inside
 * a transaction that is rolled back: the figures are the engine's own, and nothing is written.
 */
export async function previewGroupLicenseRemoval(ctx: RequestContext, groupId: string, skuId: string): Promise<GroupLicenseRemovalImpact> {
  requirePermission(ctx.principal, Permission.MANAGE_LICENSES);
  const sku = previewedSku(ctx, skuId);
  const run = await ctx.app.database.rehearse(ctx.lock, ctx.tenantId, async (tx) => {
    const group = await findGroup(tx, groupId);
    const engine = new SeatEngine(tx, ctx.catalog, ctx.clock);
    // Seats as of now (P6), as the removal would find them; what that catch-up moved is not the removal's doing.
    await engine.catchUp();
    engine.changes.clear();
    const reached = [...(await engine.graph()).descendants(group.id)];
    await tx.delete(GroupLicenseAssignment, { groupId: group.id, skuId: sku.id });
    // The same settle a seat change ends with, fed with the removal's one fact.
    await engine.settle({ sourcesRemoved: [{ skuId: sku.id, groupIds: [group.id] }] });
    const moved = engine.changes.get(sku.id);
    return { group, lost: moved?.released ?? [], next: moved?.granted ?? [], kept: await countMembersWanting(tx, reached, sku.id) };
  });
  const users = async (ids: string[]) => (await ctx.loaders.user.loadMany(ids.slice(0, PREVIEW_LISTED))).filter((u): u is User => u instanceof User);
  return {
    group: run.group,
    sku,
    wouldLoseSeat: run.lost.length,
    keepThroughOtherSource: run.kept,
    // Queue order, as the engine granted them.
    wouldGetSeatNext: await users(run.next),
    losingSeat: await users([...run.lost].sort()),
  };
}
