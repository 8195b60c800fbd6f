import { DataSource } from "typeorm";
import { ServicePlan, Sku, SkuRequirement, SkuServicePlan } from "./entities";
import { LicenseKind } from "../domain/enums";

/** The catalog is seeded by migration and never changes while the app runs: loaded once, read from memory. */
export class Catalog {
  private readonly byId = new Map<string, Sku>();
  private readonly plansById = new Map<string, ServicePlan>();
  private readonly planIdsBySku = new Map<string, string[]>();
  private readonly requiresBySku = new Map<string, string[]>();

  constructor(readonly skus: Sku[], plans: ServicePlan[], links: SkuServicePlan[], reqs: SkuRequirement[]) {
    for (const s of skus) this.byId.set(s.id, s);
    for (const p of plans) this.plansById.set(p.id, p);
    for (const l of links) this.planIdsBySku.set(l.skuId, [...(this.planIdsBySku.get(l.skuId) ?? []), l.planId]);
    for (const r of reqs) this.requiresBySku.set(r.skuId, [...(this.requiresBySku.get(r.skuId) ?? []), r.requiredSkuId]);
    for (const ids of this.planIdsBySku.values()) ids.sort((a, b) => this.plan(a)!.name.localeCompare(this.plan(b)!.name));
    this.skus.sort((a, b) => a.partNumber.localeCompare(b.partNumber));
  }

  static async load(ds: DataSource): Promise<Catalog> {
    const m = ds.manager;
    return new Catalog(await m.find(Sku), await m.find(ServicePlan), await m.find(SkuServicePlan), await m.find(SkuRequirement));
  }

  sku(id: string): Sku | undefined {
    return this.byId.get(id);
  }

  skuByPartNumber(partNumber: string): Sku | undefined {
    return this.skus.find((s) => s.partNumber === partNumber);
  }

  plan(id: string): ServicePlan | undefined {
    return this.plansById.get(id);
  }

  planIds(skuId: string): string[] {
    return this.planIdsBySku.get(skuId) ?? [];
  }

  plans(skuId: string): ServicePlan[] {
    return this.planIds(skuId).map((id) => this.plansById.get(id)!);
  }

  requires(skuId: string): string[] {
    return this.requiresBySku.get(skuId) ?? [];
  }

  /** SKUs that take seats and can be assigned: USER-kind, not trials (S3). */
  assignable(): Sku[] {
    return this.skus.filter((s) => s.kind === LicenseKind.USER && !s.isTrial);
  }

  tenantSkus(): Sku[] {
    return this.skus.filter((s) => s.kind === LicenseKind.TENANT);
  }
}
