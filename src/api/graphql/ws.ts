import type { ApolloServerPlugin } from "@apollo/server";
import { createSourceEventStream, DocumentNode, execute, ExecutionArgs, GraphQLError, getOperationAST, OperationTypeNode, parse, specifiedRules, validate } from "graphql";
import type { SubscribePayload } from "graphql-ws";
import { useServer } from "graphql-ws/use/ws";
import type { Server } from "node:http";
import { WebSocketServer } from "ws";
import type { TokenClaims } from "../../app/auth/jwt";
import type { App } from "../../app/request/context";
import { CLOSE_FORBIDDEN, Delivery, LiveConnection, liveHub } from "../../app/live/hub";
import { admit, admitClaims } from "../../app/request/admission";
import type { GraphQLContext, GraphQLOperation } from "./operation";
import { AppError, ErrorCode } from "../../domain/errors";
import { READ_COST } from "../../infra/throttle";
import { formatError } from "./format-error";
import { armor, queryCost } from "./limits";
import { payFor, priceOf, rateLimited } from "./cost";
import { buildAppSchema } from "./schema";
import { badTextIn } from "./text-gate";

/** E4, H4: the tenant or the user already has its maximum of live connections on this instance, or the caller's bucket is empty. */
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
export function liveDrainPlugin(app: App): ApolloServerPlugin<GraphQLOperation> {
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

  /** E4: what a subscribe must pass before it is served: the cap per connection, a subscription operation, §6's limits, H1. */
  const check = (open: number, payload: SubscribePayload): { document: DocumentNode } | { errors: GraphQLError[] } => {
    const refused = (...errors: GraphQLError[]) => ({ errors });
    const max = app.config.live.maxSubscriptionsPerConnection;
    if (open > max) return refused(coded(`At most ${max} subscriptions per connection; open another connection or complete one.`, ErrorCode.BAD_USER_INPUT));
    let document: DocumentNode;
    try {
      document = parse(payload.query, { maxTokens: limits.maxTokens });
    } catch (e) {
      return refused(coded((e as Error).message, ErrorCode.GRAPHQL_VALIDATION_FAILED));
    }
    const op = getOperationAST(document, payload.operationName);
    if (!op) return refused(coded("Name the operation to run (operationName).", ErrorCode.GRAPHQL_VALIDATION_FAILED));
    if (op.operation !== "subscription") {
      return refused(coded("Only subscriptions are served over WebSocket; send queries and mutations with POST /graphql.", ErrorCode.BAD_USER_INPUT));
    }
    const invalid = validate(schema, document, rules);
    if (invalid.length) return refused(...invalid.map((e) => coded(e.message, ErrorCode.GRAPHQL_VALIDATION_FAILED, e.nodes)));
    const badText = badTextIn(document, payload.variables);
    if (badText) return refused(coded(badText.message, ErrorCode.BAD_USER_INPUT, badText.nodes));
    let cost = 0;
    try {
      cost = queryCost(schema, document, payload.variables ?? undefined, payload.operationName);
    } catch {
      // Variables that do not fit: execution refuses them with an error of its own.
    }
    if (cost > limits.maxCost) return refused(coded(`The subscription costs ${cost}, above the limit of ${limits.maxCost}.`, ErrorCode.GRAPHQL_VALIDATION_FAILED));
    return { document };
  };

  const wss = new WebSocketServer({ server: http, path: "/graphql", maxPayload: app.config.maxBodyBytes });
  const server = useServer<Record<string, unknown> | undefined>(
    {
      isProd: production,
      // E1: the token from connectionParams, verified as for HTTP; the user's row must exist and be enabled.
      // H4: connection_init pays like a request, before any SQL: a verified token from its own buckets, a missing or
      // bad one from the client address's, so guessing over WebSocket is throttled as over HTTP.
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const address = ctx.extra.request.socket.remoteAddress;
        const refuse = (code: number, reason: string) => {
          socket.close(code, reason);
          return false;
        };
        const auth = ctx.connectionParams?.authorization;
        const door = await admit(app, {
          authorization: typeof auth === "string" ? auth : undefined, clientAddress: address, transport: "live",
          withoutToken: { refuse: "Send connectionParams { authorization: \"Bearer <token>\" }." },
        });
        if (door.refused) return door.decision && !door.decision.allowed ? refuse(CLOSE_TOO_MANY, rateLimited(door.decision).message) : refuse(CLOSE_FORBIDDEN, door.message);
        const claims = door.claims!;
        const paid = await door.pay(READ_COST);
        if (paid && !paid.allowed) return refuse(CLOSE_TOO_MANY, rateLimited(paid).message);
        try {
          const { principal } = await door.context();
          if (principal.kind !== "user") return refuse(CLOSE_FORBIDDEN, "Live updates are for signed-in users.");
        } catch (e) {
          if (e instanceof AppError) return refuse(CLOSE_FORBIDDEN, e.message);
          app.log.error("live: sign-in failed", { error: String((e as Error)?.stack ?? e) });
          return refuse(CLOSE_FORBIDDEN, "The sign-in could not be completed; try again.");
        }
        const c: Connection = {
          claims,
          live: { tenantId: claims.tid!, userId: claims.oid!, close: (code, reason) => socket.close(code, reason) },
        };
        const full = hub.connect(c.live);
        if (full === "principal") return refuse(CLOSE_TOO_MANY, `At most ${app.config.live.maxConnectionsPerPrincipal} live connections per user on this instance; close one.`);
        if (full === "tenant") return refuse(CLOSE_TOO_MANY, "Too many live connections for this tenant.");
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
      // H4: every subscribe pays, a refused one 1 (as a refused document over HTTP), before its refusal is sent.
      onSubscribe: async (ctx, _id, payload) => {
        const c = connections.get(ctx);
        if (!c) return [coded("Not connected.", ErrorCode.UNAUTHENTICATED)];
        const checked = check(Object.keys(ctx.subscriptions).length, payload);
        // T1, T2: into the same buckets as HTTP, before any SQL.
        const door = admitClaims(app, c.claims, { clientAddress: ctx.extra.request.socket.remoteAddress, transport: "live" });
        const vars = payload.variables ?? undefined;
        try {
          const price = "errors" in checked ? READ_COST : priceOf(schema, checked.document, vars, payload.operationName, OperationTypeNode.SUBSCRIPTION);
          await payFor(door, price);
        } catch (e) {
          if (e instanceof AppError) return [new GraphQLError(e.message, { extensions: e.extensions })];
          if (!(e instanceof GraphQLError)) throw e;
          const { http: _http, ...extensions } = e.extensions as Record<string, unknown>;
          return [new GraphQLError(e.message, { extensions })];
        }
        if ("errors" in checked) return checked.errors;
        let contextValue: GraphQLContext;
        try {
          // E2: permissions at subscribe, from the user's row as it is now.
          contextValue = { ctx: await door.context() };
        } catch {
          c.live.close(CLOSE_FORBIDDEN, "The user is disabled or deleted.");
          return [coded("The user is disabled or deleted.", ErrorCode.UNAUTHENTICATED)];
        }
        hub.bind(contextValue.ctx, c.live);
        return { schema, document: checked.document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      // Each event runs its selection in the context the hub made for it (fresh roles, the event's shared reads),
      // on SQLite holding the operation lock so it never reads half a transaction.
      subscribe: async (args: ExecutionArgs) => {
        const stream = await createSourceEventStream(args);
        if (!(Symbol.asyncIterator in stream)) return stream;
        const source = stream[Symbol.asyncIterator]();
        const run = (d: Delivery) => d.ctx.lock.run(async () => execute({ ...args, rootValue: d, contextValue: { ctx: d.ctx } satisfies GraphQLContext }));
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
