import { BREAK, DocumentNode, GraphQLError, StringValueNode, visit } from "graphql";
import { ErrorCode } from "../../domain/errors";
import { BadText, badTextMessage, findBadText, textFault } from "../../domain/text";

type Literal = { bad: BadText; node: StringValueNode } | null;

/**
 * I1: Apollo keeps parsed documents in its document store and hands the same object to every request of the same
 * query, so the literals are checked once per document, not per request (the visit cost the hot check ~4% of its CPU).
 */
const checked = new WeakMap<DocumentNode, Literal>();

function badLiteral(document: DocumentNode): Literal {
  const known = checked.get(document);
  if (known !== undefined) return known;
  const found = findBadLiteral(document);
  checked.set(document, found);
  return found;
}

function findBadLiteral(document: DocumentNode): Literal {
  let found: { bad: BadText; node: StringValueNode } | null = null;
  visit(document, {
    StringValue(node) {
      const fault = textFault(node.value);
      if (!fault) return undefined;
      found = { bad: { path: "A string in the document", fault }, node };
      return BREAK;
    },
  });
  return found;
}

/**
 * H1 at the GraphQL way in (HTTP and WebSocket alike): no variable and no string literal may hold text that
 * storage cannot (U+0000, a lone surrogate). The refusal's message and nodes, or null.
 */
export function badTextIn(document: DocumentNode, variables: Record<string, unknown> | null | undefined): { message: string; nodes?: StringValueNode[] } | null {
  const inVariables = findBadText(variables ?? {}, "");
  if (inVariables) return { message: badTextMessage({ ...inVariables, path: `Variable $${inVariables.path}` }) };
  const literal = badLiteral(document);
  return literal ? { message: badTextMessage(literal.bad), nodes: [literal.node] } : null;
}

/** H1 over HTTP: a 400 BAD_USER_INPUT before any resolver, the operation's price or SQL. */
export function refuseBadText(document: DocumentNode, variables: Record<string, unknown> | null | undefined): void {
  const bad = badTextIn(document, variables);
  if (bad) throw new GraphQLError(bad.message, { nodes: bad.nodes, extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } } });
}
