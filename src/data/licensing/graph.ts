import { GroupLicenseAssignment, GroupNesting } from "../entities";
import { TenantDb } from "../tenant-db";
import { chainsUpFrom } from "../../domain/licensing/chains";
import { push } from "../../domain/collections";

/**
 * A tenant's group nesting and group license assignments, held in memory for
 * one request or one transaction. Nesting is small next to membership (groups,
 * not users), so one query each beats a recursive query per user.
 */
export class TenantGraph {
  private readonly parents = new Map<string, string[]>();
  private readonly children = new Map<string, string[]>();
  private readonly assignments = new Map<string, GroupLicenseAssignment[]>();
  private readonly chainMemo = new Map<string, Map<string, string[]>>();

  constructor(edges: Pick<GroupNesting, "parentId" | "childId">[], assignments: GroupLicenseAssignment[]) {
    for (const e of edges) {
      push(this.parents, e.childId, e.parentId);
      push(this.children, e.parentId, e.childId);
    }
    for (const a of assignments) push(this.assignments, a.groupId, a);
  }

  static async load(db: TenantDb): Promise<TenantGraph> {
    const edges = await db.qb(GroupNesting, "n").select(["n.parentId", "n.childId"]).getMany();
    const assignments = await db.find(GroupLicenseAssignment);
    return new TenantGraph(edges, assignments);
  }

  parentsOf = (g: string): readonly string[] => this.parents.get(g) ?? [];

  childrenOf(g: string): readonly string[] {
    return this.children.get(g) ?? [];
  }

  assignmentsOf(g: string): readonly GroupLicenseAssignment[] {
    return this.assignments.get(g) ?? [];
  }

  /** The groups a SKU is assigned to directly. */
  groupsAssigned(skuId: string): string[] {
    return [...this.assignments.entries()].filter(([, list]) => list.some((a) => a.skuId === skuId)).map(([g]) => g);
  }

  hasAnyAssignment(): boolean {
    return this.assignments.size > 0;
  }

  /** The group and every group nested in it, at any depth. */
  descendants(g: string): Set<string> {
    const seen = new Set([g]);
    const stack = [g];
    while (stack.length) for (const c of this.childrenOf(stack.pop()!)) if (!seen.has(c)) (seen.add(c), stack.push(c));
    return seen;
  }

  /** G1: nesting `child` in `parent` closes a cycle when `parent` is `child` or inside it. */
  wouldCycle(parent: string, child: string): boolean {
    return this.descendants(child).has(parent);
  }

  /** The shortest nesting path from `top` down to `bottom` (both included), or null when `bottom` is not inside `top`. */
  pathDown(top: string, bottom: string): string[] | null {
    const via = new Map<string, string | null>([[top, null]]);
    const queue = [top];
    for (let i = 0; i < queue.length; i++) {
      const g = queue[i];
      if (g === bottom) {
        const path = [g];
        for (let p = via.get(g); p != null; p = via.get(p)) path.unshift(p);
        return path;
      }
      for (const c of this.childrenOf(g)) if (!via.has(c)) (via.set(c, g), queue.push(c));
    }
    return null;
  }

  /** Best chain from `g` up to each group it reaches (itself included), memoized. */
  chainsFrom = (g: string): Map<string, string[]> => {
    let m = this.chainMemo.get(g);
    if (!m) this.chainMemo.set(g, (m = chainsUpFrom(g, this.parentsOf)));
    return m;
  };
}

