import { ApolloServer, ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { GraphQLSchema } from "graphql";
import type { App } from "../../app/request/context";
import { reallocateIfStale } from "../../app/seats/seat-change";
import { admit } from "../../app/request/admission";
import { formatError } from "./format-error";
import { applyErrorStatus } from "./http-status";
import { armor, queryCost, validationFailed } from "./limits";
import { answerUnpaid, payFor, priceOf, recordOutcome } from "./cost";
import { GraphQLOperation } from "./operation";
import { buildAppSchema } from "./schema";
import { refuseBadText } from "./text-gate";
import { ErrorCode } from "../../domain/errors";
import { liveDrainPlugin } from "./ws";
import { answerable } from "./answerable";
import { answerHoldsUntil } from "../../app/request/answers";

/**
 * The steps between a validated operation and its execution: the text check (H1), the cost check,
 * then (on SQLite) the operation lock, then who the caller is. A query refused
 * by the limits therefore costs no SQL at all.
 */
function operationGate(app: App, schema: GraphQLSchema): ApolloServerPlugin<GraphQLOperation> {
  return {
    async requestDidStart() {
      let held = false;
      return {
        async didResolveOperation({ contextValue, document, request, operationName, operation }) {
          refuseBadText(document, request.variables);
          let cost = 0;
          try {
            cost = queryCost(schema, document, request.variables, operationName);
          } catch {
            // Variables that do not fit the operation: execution refuses them with BAD_USER_INPUT, before any resolver.
          }
          if (cost > app.config.limits.maxCost) {
            throw validationFailed(`The query costs ${cost}, above the limit of ${app.config.limits.maxCost}; ask for smaller pages (first).`);
          }
          const admission = contextValue.admission;
          contextValue.outcome.operationName = operationName;
          await payFor(admission, priceOf(schema, document, request.variables, operationName, operation?.operation));
          if (!admission.lock.held) {
            // SQLite has one connection: an operation holds it until its response, so nobody reads half a transaction.
            await admission.lock.take();
            held = true;
          }
          const ctx = await admission.context();
          const kind = ctx.principal.kind;
          // A mutation that changes seats rebalances first anyway (changeSeats); a query must not read stale seats.
          if (operation?.operation === "query" && (kind === "user" || kind === "runtime")) await reallocateIfStale(ctx);
          // I1: the tenant as signed in is what the answer is read at (a reallocation above wrote: then it is not kept).
          const tenant = ctx.signedInTenant;
          if (kind === "user" && tenant && app.answers.enabled && answerable(schema, document)) {
            contextValue.answer.read = { version: tenant.stateVersion, from: ctx.clock.now().getTime(), until: await answerHoldsUntil(ctx) };
          }
        },
        async willSendResponse({ contextValue, response }) {
          // A request refused before its cost was known (parse, validation) pays 1; every response carries extensions.cost.
          const draft = contextValue.answer;
          if (draft.read && response.body.kind === "single" && !response.body.singleResult.errors && response.body.singleResult.data) {
            draft.data = JSON.stringify(response.body.singleResult.data);
          }
          await answerUnpaid(contextValue, response);
          if (response.body.kind === "single") applyErrorStatus(response.http, response.body.singleResult.errors);
          recordOutcome(contextValue, response);
          if (held) {
            contextValue.admission.lock.end();
            held = false;
          }
          // Internal errors carry the request ID that the server's log line has too.
          if (response.body.kind === "single") {
            for (const e of response.body.singleResult.errors ?? []) {
              if (e.extensions?.code === ErrorCode.INTERNAL_SERVER_ERROR) (e.extensions as Record<string, unknown>).requestId = contextValue.admission.requestId;
            }
          }
        },
        async didEncounterErrors({ contextValue, errors }) {
          for (const e of errors) {
            const code = e.extensions?.code;
            if (!code || code === ErrorCode.INTERNAL_SERVER_ERROR) {
              app.log.error("unexpected error", {
                requestId: contextValue.admission.requestId,
                path: e.path?.join("."),
                error: String(e.originalError?.stack ?? e.stack ?? e),
              });
            }
          }
        },
      };
    },
  };
}

export async function createApolloServer(app: App): Promise<ApolloServer<GraphQLOperation>> {
  const schema = await buildAppSchema();
  const production = app.config.production;
  const limits = armor(app.config.limits, production);
  const server = new ApolloServer<GraphQLOperation>({
    schema,
    introspection: app.config.introspection,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    // H6: src/main.ts owns SIGTERM and SIGINT. Apollo's own handler (on unless NODE_ENV=test) would stop Apollo at
    // the signal, failing the requests the drain still serves, and a second stop() in Apollo 5.5.1 never returns.
    stopOnTerminationSignals: false,
    allowBatchedHttpRequests: false,
    validationRules: limits.validationRules,
    parseOptions: { maxTokens: app.config.limits.maxTokens },
    formatError: (formatted, error) => formatError(formatted, error, { production }),
    plugins: [
      ...limits.plugins,
      operationGate(app, schema),
      liveDrainPlugin(app),
      // No cache hints are used; the plugin would otherwise run on every resolved field.
      ApolloServerPluginCacheControlDisabled(),
      // Apollo's landing page loads from Apollo's CDN; the explorer is the project's own GraphiQL (K7, src/http/console.ts).
      ApolloServerPluginLandingPageDisabled(),
    ],
  });
  await server.start();
  return server;
}

/**
 * Apollo's context value for one request from its Authorization header, through the one admission (tests and the
 * benches; the HTTP handler admits with admitGraphQL itself, to answer a refusal with its 429 and extensions.cost).
 */
export async function contextFor(app: App, authorization: string | undefined, clientAddress?: string): Promise<GraphQLOperation> {
  const door = await admitGraphQL(app, authorization, clientAddress);
  if (door.refused) throw door.error;
  return new GraphQLOperation(door);
}

/** GraphQL's door: a caller without a token is anonymous; a bad token is refused. */
export function admitGraphQL(app: App, authorization: string | undefined, clientAddress: string | undefined) {
  return admit(app, { authorization, clientAddress, transport: "graphql", withoutToken: "anonymous" });
}
