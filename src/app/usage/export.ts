import type { App, RequestContext } from "../request/context";
import { Permission, requirePermission } from "../auth/permissions";
import { createLoaders } from "../reads/loaders";
import { EffectiveLicenseView, effectiveLicenses } from "../reads/read-model";
import { exportUserBatch, lastActivityOf } from "../../data/usage-history";
import { loadUserFactsOfPage } from "../../data/licensing/user-facts";
import type { Sku } from "../../data/entities";
import { LicenseKind, LicenseSourceKind, LicenseState } from "../../domain/enums";
import { BOM, csvRow } from "../../domain/csv";

/** V6: who may export: any admin role and GLOBAL_READER (the tenant's readers). */
export function assertCanExport(ctx: RequestContext): void {
  requirePermission(ctx.principal, Permission.READ_TENANT);
}

/** The SKUs a user can have (USER kind, trials included), in the catalog's order: two columns each. */
function userSkus(app: App): Sku[] {
  return app.catalog.skus.filter((s) => s.kind === LicenseKind.USER);
}

export function exportHeader(app: App): string[] {
  return [
    "User principal name", "Display name", "Account enabled", "Usage location",
    ...userSkus(app).flatMap((s) => [`${s.partNumber} state`, `${s.partNumber} sources`]),
    "Last activity",
  ];
}

function stateText(v: EffectiveLicenseView): string {
  return v.state === LicenseState.ACTIVE ? v.state : `${v.state} (${v.error})`;
}

/** "DIRECT", "TRIAL", "GROUP Makers", "GROUP Makers (via Inner makers > Team)": the chain from the user's own group. */
function sourcesText(v: EffectiveLicenseView, names: Map<string, string>): string {
  const name = (id: string | null) => (id && names.get(id)) || id || "";
  return v.sources
    .map((s) => {
      if (s.kind !== LicenseSourceKind.GROUP) return s.kind;
      const below = s.via.slice(0, -1);
      return below.length ? `GROUP ${name(s.groupId)} (via ${below.map(name).join(" > ")})` : `GROUP ${name(s.groupId)}`;
    })
    .join("; ");
}


export interface ExportProgress {
  users: number;
  batches: number;
}

/**
 * V6: the tenant's users as CSV text, one chunk per batch: the BOM and the header first, then each batch of users
 * in ID order (keyset paging), with their effective licenses (state and sources per SKU) and last activity.
 * A batch costs a bounded number of statements: its users, the tenant's state version (its state and groups are
 * cached per instance), the batch's facts (one range scan per table over the page's IDs), the groups not yet cached,
 * the batch's activity. Nothing is kept from one batch to the next but the cursor, so memory stays flat; on SQLite
 * the operation lock is held while a batch is read, never while it is written out. The consumer pulls: nothing is read ahead of what the client takes (back-pressure), and a consumer
 * that stops (the client went away) ends the reading at the next batch.
 */
export async function* usersCsv(ctx: RequestContext, batchSize: number, progress: ExportProgress = { users: 0, batches: 0 }): AsyncGenerator<string> {
  assertCanExport(ctx);
  const app = ctx.app;
  const skus = userSkus(app);
  yield BOM + csvRow(exportHeader(app));
  const lock = ctx.lock;
  for (let after = ""; ; ) {
    // A turn of the event loop between batches: other requests are served, and a client that went away is noticed
    // (SQLite's reads are synchronous, so without it a whole export could run without ever polling a socket).
    await new Promise<void>((resolve) => setImmediate(resolve));
    const lines = await lock.run(async () => {
      const db = app.database.reader(ctx.tenantId);
      const users = await exportUserBatch(db, after, batchSize);
      if (!users.length) return null;
      const ids = users.map((u) => u.id);
      // The tenant's state (cached per instance until its next write) and the page's facts: no statement per user.
      const loaders = createLoaders({ db, catalog: app.catalog, clock: app.clock, tenantStates: app.tenantStates, signedInTenant: () => undefined });
      const [lic, state, facts, activity] = await Promise.all([loaders.licensing(), loaders.state(), loadUserFactsOfPage(db, after, ids), lastActivityOf(db, ids)]);
      const views = users.map((u) => {
        const f = facts.get(u.id)!;
        const location = u.usage_location ?? state.defaultUsageLocation;
        return { u, location, views: effectiveLicenses(lic, state.graph, { directGroupIds: f.groupIds, direct: f.direct, wants: f.wants, trials: f.trials, usageLocation: location }) };
      });
      const groupIds = new Set<string>();
      for (const v of views) for (const x of v.views) for (const src of x.sources) for (const g of src.via) groupIds.add(g);
      const groups = await loaders.group.loadMany([...groupIds]);
      const names = new Map<string, string>();
      for (const g of groups) if (g && !(g instanceof Error)) names.set(g.id, g.displayName);
      const out: string[] = [];
      for (const { u, location, views: licenses } of views) {
        const bySku = new Map(licenses.map((x) => [x.skuId, x]));
        out.push(
          csvRow([
            u.user_principal_name, u.display_name, u.account_enabled === true || Number(u.account_enabled) === 1 ? "TRUE" : "FALSE", location,
            ...skus.flatMap((s) => {
              const x = bySku.get(s.id);
              return x ? [stateText(x), sourcesText(x, names)] : ["", ""];
            }),
            activity.get(u.id)?.toISOString() ?? "",
          ]),
        );
      }
      after = ids[ids.length - 1];
      progress.users += users.length;
      progress.batches++;
      return { text: out.join(""), last: users.length < batchSize };
    });
    if (!lines) return;
    yield lines.text;
    if (lines.last) return;
  }
}
