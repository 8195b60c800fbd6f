import { HeaderMap } from "@apollo/server";
import { AppError, ErrorCode } from "../../src/domain/errors";
import { applyErrorStatus, GRAPHQL_HTTP_STATUS } from "../../src/api/graphql/http-status";
import { fromAppError as toScim, SCIM_STATUS } from "../../src/api/scim/errors";
import { fromAppError as toGraph, GRAPH_STATUS } from "../../src/api/graph/errors";
import { EXPORT_STATUS } from "../../src/api/export/http";

const codes = Object.values(ErrorCode);

/** Issue 21: one ErrorCode, mapped to each wire by an exhaustive table (the typecheck fails on a missing code). */
describe("§7 error codes on every way in", () => {
  it.each([["GraphQL", GRAPHQL_HTTP_STATUS], ["SCIM", SCIM_STATUS], ["Graph", GRAPH_STATUS], ["export", EXPORT_STATUS]])("%s maps every code and nothing else", (_, table) => {
    expect(Object.keys(table).sort()).toEqual([...codes].sort());
  });

  it("a domain error carries no wire: no HTTP status in its extensions", () => {
    const e = new AppError(ErrorCode.RATE_LIMITED, "slow down", { retryAfterSeconds: 3 });
    expect(e.extensions).toEqual({ code: "RATE_LIMITED", retryAfterSeconds: 3 });
  });

  it.each([ErrorCode.RATE_LIMITED, ErrorCode.SERVICE_UNAVAILABLE])("T2, H5: %s without a wait of its own asks for 1 s on every way in (one rule, retryAfterFor)", (code) => {
    const e = new AppError(code, "m");
    const head = { status: undefined as number | undefined, headers: new HeaderMap() };
    applyErrorStatus(head, [{ extensions: e.extensions }]);
    expect([head.headers.get("retry-after"), toScim(e)!.headers?.["retry-after"], toGraph(e)!.headers["retry-after"]]).toEqual(["1", "1", "1"]);
  });

  it.each([
    [ErrorCode.UNAUTHENTICATED, 401, 401, 401],
    [ErrorCode.FORBIDDEN, 200, 403, 403],
    [ErrorCode.NOT_FOUND, 200, 404, 404],
    [ErrorCode.CONFLICT, 200, 409, 409],
    [ErrorCode.SEATS_EXHAUSTED, 200, 400, 400],
    [ErrorCode.RATE_LIMITED, 429, 429, 429],
    [ErrorCode.SERVICE_UNAVAILABLE, 503, 503, 503],
  ])("%s: GraphQL %d, SCIM %d, Graph %d, with Retry-After where the code waits", (code, gql, scim, graph) => {
    const e = new AppError(code, "m", { retryAfterSeconds: 7 });
    const head = { status: undefined as number | undefined, headers: new HeaderMap() };
    applyErrorStatus(head, [{ extensions: e.extensions }]);
    expect(head.status ?? 200).toBe(gql);
    expect(toScim(e)!.status).toBe(scim);
    expect(toGraph(e)!.status).toBe(graph);
    const waits = code === ErrorCode.RATE_LIMITED || code === ErrorCode.SERVICE_UNAVAILABLE;
    expect(head.headers.get("retry-after")).toBe(waits ? "7" : undefined);
    expect(toScim(e)!.headers?.["retry-after"]).toBe(waits ? "7" : undefined);
    expect(toGraph(e)!.headers["retry-after"]).toBe(waits ? "7" : undefined);
  });

  it("an internal failure is nobody's 4xx: SCIM and Graph answer 500", () => {
    const e = new AppError(ErrorCode.INTERNAL_SERVER_ERROR, "boom");
    expect(toScim(e)).toBeNull();
    expect(toGraph(e)).toBeNull();
  });

  it("a rule's refusal thrown before execution (Apollo's 500) is GraphQL's 200; a gate's 400 stays", () => {
    const refused = { status: 500 as number | undefined, headers: new HeaderMap() };
    applyErrorStatus(refused, [{ extensions: { code: ErrorCode.FORBIDDEN } }]);
    expect(refused.status).toBe(200);
    const gate = { status: 400 as number | undefined, headers: new HeaderMap() };
    applyErrorStatus(gate, [{ extensions: { code: ErrorCode.BAD_USER_INPUT } }]);
    expect(gate.status).toBe(400);
    const broken = { status: 500 as number | undefined, headers: new HeaderMap() };
    applyErrorStatus(broken, [{ extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }]);
    expect(broken.status).toBe(500);
  });
});
