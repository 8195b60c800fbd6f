/** What the groups services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
export interface CreateSecurityGroupInput {
  displayName: string;
  description?: string | null;
}

export interface UpdateSecurityGroupInput {
  id: string;
  displayName?: string | null;
  description?: string | null;
}

export interface GroupMembersInput {
  groupId: string;
  userIds?: string[] | null;
  groupIds?: string[] | null;
}
