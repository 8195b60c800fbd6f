import "reflect-metadata";
import { createDataSource, DEFAULT_DATABASE_URL } from "./src/db/datasource";

/** The one DataSource the app and the TypeORM CLI share (`npm run typeorm -- migration:show`). */
export const AppDataSource = createDataSource({ url: process.env.DATABASE_URL || DEFAULT_DATABASE_URL });
export default AppDataSource;
