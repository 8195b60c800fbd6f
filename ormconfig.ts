import "reflect-metadata";
import { createDataSource, DEFAULT_DATABASE_URL } from "./src/db/datasource";

/**
 * The one DataSource the app (`src/main.ts`) and the TypeORM CLI (`npm run typeorm -- migration:show`)
 * share. The CLI wants exactly one export: the DataSource.
 */
export default createDataSource({ url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL });
