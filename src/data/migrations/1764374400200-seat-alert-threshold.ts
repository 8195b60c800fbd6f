import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/** E5: a pool is lowOnSeats when its available units are at or below the tenant's threshold. */
export class SeatAlertThreshold1764374400200 implements MigrationInterface {
  name = "SeatAlertThreshold1764374400200";

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn("tenant", new TableColumn({ name: "seat_alert_threshold", type: "integer", default: 0 }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn("tenant", "seat_alert_threshold");
  }
}
