import { DataSource, QueryRunner, ReplicationMode } from "typeorm";
import { isConnectionFailure, OutcomeUnknown, UnavailableWait } from "./unavailable";

/** Statements that change nothing: repeating one after a lost connection is always safe. */
const READ = /^\s*(SELECT|WITH|SHOW)\b/i;

type Query = QueryRunner["query"];

/**
 * H5: PostgreSQL reads outside a transaction wait out an outage. TypeORM's managers and query builders take a
 * runner from their DataSource for each operation, so this view of `ds` (its own `createQueryRunner` and `manager`,
 * everything else delegated to `ds`) covers every read a service makes — find, count, query builders, raw SQL —
 * without touching `ds`, whose transactions (Database.write) and migrations keep their own rules.
 */
export function retryingReads(ds: DataSource, wait: UnavailableWait): DataSource {
  const view = Object.create(ds) as DataSource;
  const bare = (mode?: ReplicationMode) => ds.createQueryRunner(mode);
  Object.defineProperty(view, "createQueryRunner", { value: (mode?: ReplicationMode) => retrying(bare, mode, wait) });
  Object.defineProperty(view, "manager", { value: view.createEntityManager() });
  return view;
}

function retrying(bare: (mode?: ReplicationMode) => QueryRunner, mode: ReplicationMode | undefined, wait: UnavailableWait): QueryRunner {
  const runner = bare(mode);
  const own = runner.query.bind(runner) as Query;
  // Once its connection failed a runner is done (TypeORM released it): later statements of the operation get fresh ones.
  let lost = false;
  const query = (sql: string, params?: unknown[], structured?: boolean) => {
    if (runner.isTransactionActive) return own(sql, params, structured as never);
    return wait.run(async () => {
      if (!lost && !runner.isReleased) {
        try {
          return await once(runner, own, sql, params, structured);
        } catch (e) {
          if (isConnectionFailure(e) || e instanceof OutcomeUnknown) lost = true;
          throw e;
        }
      }
      const fresh = bare(mode);
      try {
        return await once(fresh, fresh.query.bind(fresh) as Query, sql, params, structured);
      } finally {
        await fresh.release();
      }
    });
  };
  runner.query = query as Query;
  return runner;
}

async function once(r: QueryRunner, query: Query, sql: string, params: unknown[] | undefined, structured: boolean | undefined): Promise<unknown> {
  // A refused connection sent nothing: any statement may be tried again.
  await r.connect();
  try {
    return await query(sql, params, structured as never);
  } catch (e) {
    // Lost while a write outside a transaction ran: it may have taken effect.
    if (isConnectionFailure(e) && !READ.test(sql)) throw new OutcomeUnknown("write", e);
    throw e;
  }
}
