import { BREAK, DocumentNode, GraphQLError, StringValueNode, visit } from "graphql";
import { ErrorCode } from "../../domain/errors";
import { BadText, badTextMessage, findBadText, textFault } from "../../domain/text";

function badLiteral(document: DocumentNode): { bad: BadText; node: StringValueNode } | null {
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
 * storage cannot (U+0000, a lone surrogate), refused before any resolver, the operation's price or SQL.
 */
export function refuseBadText(document: DocumentNode, variables: Record<string, unknown> | null | undefined): void {
  const inVariables = findBadText(variables ?? {}, "");
  const literal = inVariables ? null : badLiteral(document);
  const bad = inVariables ? { ...inVariables, path: `Variable $${inVariables.path}` } : literal?.bad;
  if (!bad) return;
  throw new GraphQLError(badTextMessage(bad), {
    nodes: literal ? [literal.node] : undefined,
    extensions: { code: ErrorCode.BAD_USER_INPUT, http: { status: 400 } },
  });
}
