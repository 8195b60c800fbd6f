/** What the licensing services take: plain shapes that every way in fills (the GraphQL input classes implement them). */
export interface AddLicenseInput {
  skuId: string;
  disabledPlanIds?: string[] | null;
}

export interface AssignUserLicensesInput {
  userId: string;
  addLicenses?: AddLicenseInput[] | null;
  removeSkuIds?: string[] | null;
}

export interface AssignGroupLicensesInput {
  groupId: string;
  addLicenses?: AddLicenseInput[] | null;
  removeSkuIds?: string[] | null;
}

/** K8: one license change for several users at once, one transaction (S3: all or nothing). */
export interface AssignLicensesToUsersInput {
  userIds: string[];
  addLicenses?: AddLicenseInput[] | null;
  removeSkuIds?: string[] | null;
}

export interface StartTrialInput {
  skuId: string;
}
