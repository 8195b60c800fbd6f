import type { RequestContext } from "../../app/request/context";
import type { SecurityGroup } from "../../data/entities";
import { getDirectoryGroup, patchDirectoryGroup, replaceDirectoryGroup } from "../../app/groups/directory-groups";
import { ScimError } from "./errors";
import { groupFields, parseGroup } from "./groups";
import { Op, patchGroup } from "./patch";

/** D6 PUT: the group as sent, parsed before any transaction. */
export function putGroupResource(ctx: RequestContext, id: string, body: unknown): Promise<SecurityGroup> {
  const { fields, members } = parseGroup(body);
  return replaceDirectoryGroup(ctx, id, fields, members);
}

/**
 * D6 PATCH: the operations are netted into a typed change and the group's attributes after it are checked here
 * (H1: as POST and PUT check them), before any transaction, so a refused PATCH (400) never opens one. The member
 * operations stay a delta (what to add, what to remove), so `add members` to a large group reads none of its members.
 * The service writes only if the group's attributes are still what was read; a concurrent change meanwhile means
 * reading and applying once more, and a second one answers 412 (RFC 7644 §3.12), as for users.
 */
export async function patchGroupResource(ctx: RequestContext, id: string, ops: Op[]): Promise<void> {
  const patch = patchGroup(id, ops);
  for (let attempt = 1; ; attempt++) {
    const current = await getDirectoryGroup(ctx, id);
    if (!current) throw new ScimError(404, undefined, `Group ${id} not found.`);
    const fields = groupFields({
      displayName: patch.displayName ?? current.displayName,
      externalId: patch.externalId !== undefined ? patch.externalId : current.externalId,
    });
    if (await patchDirectoryGroup(ctx, id, { fields, members: patch.members }, current)) return;
    if (attempt === 2) throw new ScimError(412, undefined, `Group ${id} changed while the PATCH was applied; send it again.`);
  }
}
