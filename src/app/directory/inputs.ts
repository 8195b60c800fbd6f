/** What the directory services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
export interface CreateProvisioningTokenInput {
  description: string;
  expiresInDays?: number | null;
}
