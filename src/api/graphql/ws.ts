import type { ApolloServerPlugin } from "@apollo/server";
import { createSourceEventStream, execute, ExecutionArgs, GraphQLError, getOperationAST, parse, specifiedRules, validate } from "graphql";
import { useServer } from "graphql-ws/use/ws";
import type { Server } from "node:http";
import { WebSocketServer } from "ws";
import type { TokenClaims } from "../../app/auth/jwt";
import { App, RequestContext } from "../../app/request/context";
import { CLOSE_FORBIDDEN, Delivery, LiveConnection, liveHub } from "../../app/live/hub";
import { resolvePrincipal, verifyAuthorization } from "../../app/request/sign-in";
import { ErrorCode } from "../../domain/errors";
import { formatError } from "./format-error";
import { armor, queryCost } from "./limits";
import { payFor, priceOf } from "./cost";
import { buildAppSchema } from "./schema";

/** E4: a tenant already has its maximum of live connections on this instance. */
export const CLOSE_TOO_MANY = 4429;
const MAX_TIMER_MS = 2 ** 31 - 1;
/** On shutdown, how long a socket's peer has to answer the close frame before the socket is cut. */
const CLOSE_WAIT_MS = 300;

interface Connection {
  claims: TokenClaims;
  live: LiveConnection;
  timer?: NodeJS.Timeout;
}

const disposers = new WeakMap<App, (() => Promise<void>)[]>();

/** Apollo Server's drain step closes the live sockets and the LISTEN connection on shutdown. */
export function liveDrainPlugin(app: App): ApolloServerPlugin<RequestContext> {
  return {
    async serverWillStart() {
      return {
        async drainServer() {
          for (const dispose of disposers.get(app)?.splice(0) ?? []) await dispose();
        },
      };
    },
  };
}

const coded = (message: string, code: string, nodes?: GraphQLError["nodes"]) => new GraphQLError(message, { nodes, extensions: { code } });

/** E1: the socket closes at the token's exp (wall-clock time, as the verifier reads it); long waits in steps a timer can hold. */
function closeAtExpiry(c: Connection, expMs: number): void {
  const wait = expMs - Date.now();
  c.timer = setTimeout(() => {
    if (wait > MAX_TIMER_MS) closeAtExpiry(c, expMs);
    else c.live.close(CLOSE_FORBIDDEN, "The token has expired.");
  }, Math.max(0, Math.min(wait, MAX_TIMER_MS)));
  c.timer.unref();
}

/**
 * graphql-ws (graphql-transport-ws) on the HTTP server's /graphql: subscriptions only (queries and mutations
 * stay on HTTP, behind the operation gate). Returns a function that closes every socket.
 */
export async function attachLiveUpdates(app: App, http: Server): Promise<() => Promise<void>> {
  const schema = await buildAppSchema();
  const hub = liveHub(app);
  await hub.start();
  const limits = app.config.limits;
  const rules = [...specifiedRules, ...armor(limits, app.config.production).validationRules];
  const production = app.config.production;
  const connections = new WeakMap<object, Connection>();
  const format = (errors: readonly GraphQLError[]) =>
    errors.map((e) => {
      const f = formatError(e.toJSON(), e, { production });
      if (f.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) app.log.error("live: unexpected error", { error: String(e.originalError?.stack ?? e) });
      return f;
    });

  const wss = new WebSocketServer({ server: http, path: "/graphql", maxPayload: app.config.maxBodyBytes });
  const server = useServer<Record<string, unknown> | undefined>(
    {
      isProd: production,
      // E1: the token from connectionParams, verified as for HTTP; the user's row must exist and be enabled.
      onConnect: async (ctx) => {
        const auth = ctx.connectionParams?.authorization;
        let claims: TokenClaims | null;
        try {
          claims = await verifyAuthorization(app, typeof auth === "string" ? auth : undefined);
          if (!claims) return false;
          const principal = await resolvePrincipal(app, claims, { lockHeld: false });
          if (principal.kind !== "user") return false;
        } catch {
          return false;
        }
        const socket = ctx.extra.socket;
        const c: Connection = {
          claims,
          live: { tenantId: claims.tid!, userId: claims.oid!, close: (code, reason) => socket.close(code, reason) },
        };
        if (!hub.connect(c.live)) {
          socket.close(CLOSE_TOO_MANY, "Too many live connections for this tenant.");
          return false;
        }
        connections.set(ctx, c);
        if (claims.exp !== undefined) closeAtExpiry(c, claims.exp * 1000);
        return true;
      },
      onClose: (ctx) => {
        const c = connections.get(ctx);
        if (!c) return;
        clearTimeout(c.timer);
        hub.disconnect(c.live);
      },
      // E4: the query limits of §6 apply to subscription documents, before anything is read.
      onSubscribe: async (ctx, _id, payload) => {
        const c = connections.get(ctx);
        if (!c) return [coded("Not connected.", ErrorCode.UNAUTHENTICATED)];
        const max = app.config.live.maxSubscriptionsPerConnection;
        if (Object.keys(ctx.subscriptions).length > max) {
          return [coded(`At most ${max} subscriptions per connection; open another connection or complete one.`, ErrorCode.BAD_USER_INPUT)];
        }
        let document;
        try {
          document = parse(payload.query, { maxTokens: limits.maxTokens });
        } catch (e) {
          return [coded((e as Error).message, ErrorCode.GRAPHQL_VALIDATION_FAILED)];
        }
        const op = getOperationAST(document, payload.operationName);
        if (!op) return [coded("Name the operation to run (operationName).", ErrorCode.GRAPHQL_VALIDATION_FAILED)];
        if (op.operation !== "subscription") {
          return [coded("Only subscriptions are served over WebSocket; send queries and mutations with POST /graphql.", ErrorCode.BAD_USER_INPUT)];
        }
        const invalid = validate(schema, document, rules);
        if (invalid.length) return invalid.map((e) => coded(e.message, ErrorCode.GRAPHQL_VALIDATION_FAILED, e.nodes));
        let cost = 0;
        try {
          cost = queryCost(schema, document, payload.variables ?? undefined, payload.operationName);
        } catch {
          // Variables that do not fit: execution refuses them with an error of its own.
        }
        if (cost > limits.maxCost) return [coded(`The subscription costs ${cost}, above the limit of ${limits.maxCost}.`, ErrorCode.GRAPHQL_VALIDATION_FAILED)];
        // T1, T2: a subscription pays its document's price once, here, into the same buckets as HTTP, before any SQL.
        const contextValue = new RequestContext(app, { kind: "anonymous" });
        contextValue.pendingClaims = c.claims;
        contextValue.clientAddress = ctx.extra.request.socket.remoteAddress;
        try {
          await payFor(contextValue, priceOf(schema, document, payload.variables ?? undefined, payload.operationName, op.operation), payload.operationName);
        } catch (e) {
          if (!(e instanceof GraphQLError)) throw e;
          const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
          return [new GraphQLError(e.message, { extensions })];
        }
        try {
          // E2: permissions at subscribe, from the user's row as it is now.
          contextValue.principal = await resolvePrincipal(app, c.claims, { lockHeld: false });
          contextValue.pendingClaims = null;
        } catch {
          c.live.close(CLOSE_FORBIDDEN, "The user is disabled or deleted.");
          return [coded("The user is disabled or deleted.", ErrorCode.UNAUTHENTICATED)];
        }
        hub.bind(contextValue, c.live);
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      // Each event runs its selection in the context the hub made for it (fresh roles, the event's shared reads),
      // on SQLite holding the operation lock so it never reads half a transaction.
      subscribe: async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const source = stream[Symbol.asyncIterator]();
        const run = (d: Delivery) => app.database.exclusive(d.ctx, async () => execute({ ...args, rootValue: d, contextValue: d.ctx }));
        const events: AsyncGenerator<Awaited<ReturnType<typeof execute>>> = {
          next: async () => {
            const r = await source.next();
            return r.done ? { done: true, value: undefined } : { done: false, value: await run(r.value as Delivery) };
          },
          return: async () => {
            await source.return?.();
            return { done: true, value: undefined };
          },
          throw: async (e: unknown) => {
            await source.return?.();
            throw e;
          },
          [Symbol.asyncIterator]: () => events,
          [Symbol.asyncDispose]: async () => void (await source.return?.()),
        };
        return events;
      },
      onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: format(result.errors) } : undefined),
      onError: (_ctx, _id, _payload, errors) => format(errors),
    },
    wss,
    app.config.live.keepAliveMs || Infinity,
  );
  let disposed: Promise<void> | undefined;
  const dispose = () =>
    (disposed ??= (async () => {
      // H6: a peer that never answers the 1001 would hold the shutdown for ws's 30 s close timeout; it gets a moment.
      const closed = Promise.resolve(server.dispose());
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<boolean>((r) => (timer = setTimeout(() => r(true), CLOSE_WAIT_MS)));
      if (await Promise.race([closed.then(() => false), late])) for (const socket of wss.clients) socket.terminate();
      clearTimeout(timer);
      await closed;
      await hub.stop();
    })());
  disposers.set(app, [...(disposers.get(app) ?? []), dispose]);
  return dispose;
}
