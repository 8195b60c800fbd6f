import { MigrationInterface, QueryRunner } from "typeorm";

// L2: where each SKU is not offered is catalog data, like the SKUs themselves.
const UNAVAILABLE: Record<string, string> = {
  POWER_VIRTUAL_AGENTS: "CU,IR,KP,SY",
  POWER_VIRTUAL_AGENTS_USER: "CU,IR,KP,SY",
  POWER_VIRTUAL_AGENTS_TRIAL: "CU,IR,KP,SY",
};

export class UsageLocationCatalog1764374400101 implements MigrationInterface {
  name = "UsageLocationCatalog1764374400101";

  async up(q: QueryRunner): Promise<void> {
    const pg = q.connection.driver.options.type === "postgres";
    for (const [partNumber, countries] of Object.entries(UNAVAILABLE)) {
      await q.query(`UPDATE sku SET unavailable_in_countries = ${pg ? "$1" : "?"} WHERE part_number = ${pg ? "$2" : "?"}`, [countries, partNumber]);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE sku SET unavailable_in_countries = ''`);
  }
}
