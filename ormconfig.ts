import "reflect-metadata";
import { loadConfig } from "./src/config";
import { createDataSource } from "./src/data/datasource";

/**
 * The one DataSource the app (`src/main.ts`) and the TypeORM CLI (`npm run typeorm -- migration:show`)
 * share. The CLI wants exactly one export: the DataSource.
 */
const config = loadConfig();
export default createDataSource({ url: config.databaseUrl, ...config.db });
