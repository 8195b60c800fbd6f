import fc from "fast-check";
import {
  GraphQLField, GraphQLInputType, GraphQLNamedType, GraphQLObjectType, getNamedType, isCompositeType, isEnumType, isInputObjectType,
  isListType, isNonNullType, isObjectType, isScalarType,
} from "graphql";
import { buildAppSchema } from "../../src/api/graphql/schema";
import { ErrorCode } from "../../src/domain/errors/codes";
import { engines, TestApi } from "../helpers/harness";
import { newTenant } from "../helpers/fixtures";
import { fuzzParams, fuzzTimeout, hostileNumber, hostileText, textFor, wrongType } from "./arbitraries";

/**
 * §14 (H1–H3), generated input for every GraphQL operation: each root field (and each field with arguments one
 * level below a root field, like tenant.users(filter)) is called with arguments generated from its types —
 * valid, boundary and hostile — by a tenant admin, a reader or the operator. Whatever comes: never a 5xx, every
 * error carries a documented code (never INTERNAL_SERVER_ERROR), and a refused mutation leaves every table as it was.
 */
interface Operation {
  kind: "query" | "mutation";
  name: string;
  document: string;
  field: string;
  args: readonly { name: string; type: GraphQLInputType }[];
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function operationsOf(schema: Awaited<ReturnType<typeof buildAppSchema>>): Operation[] {
  const ops: Operation[] = [];
  const selection = (t: GraphQLNamedType) => (isCompositeType(t) ? " { __typename }" : "");
  const call = (f: GraphQLField<unknown, unknown>) => (f.args.length ? `(${f.args.map((a) => `${a.name}: $${a.name}`).join(", ")})` : "");
  const vars = (f: GraphQLField<unknown, unknown>) => (f.args.length ? `(${f.args.map((a) => `$${a.name}: ${a.type}`).join(", ")})` : "");
  for (const [kind, root] of [["query", schema.getQueryType()], ["mutation", schema.getMutationType()]] as const) {
    for (const f of Object.values((root as GraphQLObjectType).getFields())) {
      ops.push({ kind, name: f.name, field: f.name, args: f.args, document: `${kind} Fuzz${vars(f)} { ${f.name}${call(f)}${selection(getNamedType(f.type))} }` });
      const below = getNamedType(f.type);
      if (kind !== "query" || f.args.length || !isObjectType(below)) continue;
      for (const g of Object.values(below.getFields()).filter((x) => x.args.length)) {
        ops.push({ kind, name: `${f.name}.${g.name}`, field: f.name, args: g.args, document: `query Fuzz${vars(g)} { ${f.name} { ${g.name}${call(g)}${selection(getNamedType(g.type))} } }` });
      }
    }
  }
  return ops;
}

/** Values for an input type: mostly well-typed (with hostile strings and numbers), sometimes a wrong type or null. */
function valueOf(type: GraphQLInputType, ids: string[], name: string): fc.Arbitrary<unknown> {
  const typed = (): fc.Arbitrary<unknown> => {
    const t = isNonNullType(type) ? type.ofType : type;
    if (isListType(t)) return fc.array(valueOf(t.ofType, ids, name), { maxLength: 3 });
    if (isInputObjectType(t)) {
      const fields = Object.values(t.getFields());
      const record = fc.record(Object.fromEntries(fields.map((x) => [x.name, valueOf(x.type, ids, x.name)])), {
        requiredKeys: fields.filter((x) => isNonNullType(x.type)).map((x) => x.name),
      });
      return fc.oneof({ weight: 5, arbitrary: record }, { weight: 1, arbitrary: record.map((r) => ({ ...r, notAField: "x" })) });
    }
    if (isEnumType(t)) return fc.constantFrom(...t.getValues().map((v) => v.name), "NOT_A_VALUE");
    if (isScalarType(t)) {
      switch (t.name) {
        case "ID":
          return textFor("id", ids);
        case "Int":
        case "Float":
          return hostileNumber;
        case "Boolean":
          return fc.boolean();
        case "DateTime":
          return fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), hostileText);
        default:
          return textFor(name, ids);
      }
    }
    return wrongType;
  };
  return fc.oneof({ weight: 12, arbitrary: typed() }, { weight: 1, arbitrary: wrongType }, { weight: 1, arbitrary: fc.constant(null) });
}

describe.each(engines())("H1–H3 generated GraphQL input, every operation (%s)", (_engine, url) => {
  let api: TestApi;
  let base: string;
  beforeAll(async () => {
    api = await TestApi.start(url);
    base = await api.listen();
  });
  afterAll(() => api.stop());

  it("never a 5xx or an uncoded error; a refused mutation changes nothing", async () => {
    const schema = await buildAppSchema();
    const ops = operationsOf(schema);
    const t = await newTenant(api);
    const { subscriptions } = await t.buy(3);
    const reader = await t.user("reader", ["GLOBAL_READER"]);
    const plain = await t.user("plain");
    const group = await t.group("Sales");
    const other = await newTenant(api, "Contoso");
    const otherUser = await other.user("stranger");
    const ids = [t.adminId, reader.id, plain.id, group, t.tenantId, t.sku.user, t.sku.tenant, t.sku.trial, ...subscriptions.map((s) => s.id), otherUser.id, other.tenantId];
    const tokens = [t.admin, t.admin, reader.token, plain.token, await api.operatorToken()];
    const statuses = new Map<number, number>();
    let before = await api.snapshot();

    const request = fc.constantFrom(...ops).chain((op) =>
      fc.record({
        op: fc.constant(op),
        variables: fc.record(Object.fromEntries(op.args.map((a) => [a.name, valueOf(a.type, ids, a.name)])), { requiredKeys: [] }),
        token: fc.constantFrom(...tokens),
      }),
    );
    await fc.assert(
      fc.asyncProperty(request, async ({ op, variables, token }) => {
        const res = await fetch(`${base}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: op.document, variables }),
        });
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string } }[] };
        const codes = (body.errors ?? []).map((e) => e.extensions?.code ?? "none");
        expect({ op: op.name, status: res.status < 500, codes: codes.filter((c) => !KNOWN_CODES.has(c) || c === ErrorCode.INTERNAL_SERVER_ERROR) }).toEqual({ op: op.name, status: true, codes: [] });
        const refused = codes.length > 0 && body.data?.[op.field] == null;
        if (op.kind === "mutation" && refused) await api.expectUnchanged(before);
        else before = await api.snapshot();
      }),
      fuzzParams(400),
    );
    // The generated requests reached both sides: some were served, some refused with a code.
    expect(statuses.get(200)).toBeGreaterThan(0);
  }, fuzzTimeout(400));
});
