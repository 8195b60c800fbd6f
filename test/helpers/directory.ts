import { TenantFx } from "./fixtures";
import { TestApi } from "./harness";
import { graphql } from "../gql";
import { CreateUserInput } from "../gql/graphql";
import type { VariablesOf } from "@graphql-typed-document-node/core";

/** Documents and readers for users and security groups, shared by test/api/users and test/api/groups. */

export const GROUP = graphql(`query DirectoryGroup($id: ID!) { securityGroup(id: $id) {
  id displayName description
  members(first: 1000) { totalCount nodes { id } }
  memberGroups { id } memberOf { id }
  transitiveMembers(first: 1000) { totalCount nodes { id } }
} }`);
export const USER = graphql(`query DirectoryUser($id: ID!) { user(id: $id) { id displayName accountEnabled roles memberOf { id } transitiveMemberOf { id } } }`);
export const USERS = graphql(`query DirectoryUsers($first: Int, $after: String, $filter: UserFilter) { tenant { users(first: $first, after: $after, filter: $filter) {
  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id userPrincipalName displayName }
} } }`);
export const NODE = graphql(`query DirectoryNode($id: ID!) { node(id: $id) { id } }`);
export const ME = graphql(`query DirectoryMe { me { id roles accountEnabled } }`);
export const UPDATE_GROUP = graphql(`mutation DirectoryUpdateGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }`);
export const CREATE_USER_FULL = graphql(`mutation DirectoryCreateUserFull($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName displayName roles accountEnabled } }`);

/** Readers bound to the suite's API (`api()` is read at call time, after beforeAll); `a` picks another instance. */
export function directory(api: () => TestApi) {
  return {
    group: async (token: string, id: string, a = api()) => (await a.ok(token, GROUP, { id })).securityGroup,
    user: async (token: string, id: string, a = api()) => (await a.ok(token, USER, { id })).user,
    users: async (token: string, vars: VariablesOf<typeof USERS> = {}, a = api()) => (await a.ok(token, USERS, vars)).tenant.users,
    createUser: (t: TenantFx, input: CreateUserInput, token = t.admin) => api().exec(token, CREATE_USER_FULL, { input }),
    /** "A failed mutation changes nothing" (§7), on `a` (default: the suite's API). */
    unchanged: (before: string, a = api()) => a.expectUnchanged(before),
  };
}
