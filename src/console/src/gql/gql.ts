/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Me {\n    me { id displayName userPrincipalName roles }\n    tenant { id displayName }\n  }\n": typeof types.MeDocument,
    "\n  query AuditEvents($action: String, $targetId: ID, $from: DateTime, $to: DateTime, $after: String, $first: Int!) {\n    auditEvents(action: $action, targetId: $targetId, from: $from, to: $to, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetId targetDisplayName details at actor { id displayName userPrincipalName } }\n    }\n    skus { id partNumber displayName }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query Catalog {\n    skus { id partNumber displayName kind isTrial billedSessionsPerUnit requires { id displayName } servicePlans { id displayName } }\n    tenant {\n      id\n      hasActiveTenantLicense\n      subscriptions { id channel status quantity isTrial endsAt sku { id kind } }\n    }\n  }\n": typeof types.CatalogDocument,
    "\n  mutation PurchaseLicenses($input: PurchaseLicensesInput!) {\n    purchaseLicenses(input: $input) {\n      orderId\n      subscriptions { id quantity channel status orderId sku { id displayName } }\n    }\n  }\n": typeof types.PurchaseLicensesDocument,
    "\n  query Subscriptions {\n    tenant {\n      id\n      licenses {\n        sku { id displayName kind }\n        prepaidUnits { enabled warning suspended }\n        consumedUnits\n        availableUnits\n        unassignedDemand\n      }\n      subscriptions(includeInactive: true) {\n        id quantity channel isTrial orderId startsAt endsAt createdAt status\n        sku { id displayName kind }\n      }\n    }\n  }\n": typeof types.SubscriptionsDocument,
    "\n  mutation UpdateSubscriptionQuantity($input: UpdateSubscriptionQuantityInput!) {\n    updateSubscriptionQuantity(input: $input) { id quantity status }\n  }\n": typeof types.UpdateSubscriptionQuantityDocument,
    "\n  mutation CancelSubscription($id: ID!) {\n    cancelSubscription(id: $id) { id status endsAt }\n  }\n": typeof types.CancelSubscriptionDocument,
    "\n  query UsageHistory($skuId: ID!, $from: String!, $to: String!) {\n    tenant { id licenseUsageHistory(skuId: $skuId, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n  }\n": typeof types.UsageHistoryDocument,
    "\n  query UsageMonth { tenant { id capacity { period } } }\n": typeof types.UsageMonthDocument,
    "\n  query Capacity($period: String) {\n    tenant {\n      id\n      capacity(period: $period) {\n        period purchased consumed remaining overage\n        byBot { billedSessions bot { id name published owner { id displayName } } }\n      }\n    }\n  }\n": typeof types.CapacityDocument,
    "\n  query CapacityHistory($p0: String!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!, $p7: String!, $p8: String!, $p9: String!, $p10: String!, $p11: String!) {\n    tenant {\n      id\n      m0: capacity(period: $p0) { period purchased consumed overage }\n      m1: capacity(period: $p1) { period purchased consumed overage }\n      m2: capacity(period: $p2) { period purchased consumed overage }\n      m3: capacity(period: $p3) { period purchased consumed overage }\n      m4: capacity(period: $p4) { period purchased consumed overage }\n      m5: capacity(period: $p5) { period purchased consumed overage }\n      m6: capacity(period: $p6) { period purchased consumed overage }\n      m7: capacity(period: $p7) { period purchased consumed overage }\n      m8: capacity(period: $p8) { period purchased consumed overage }\n      m9: capacity(period: $p9) { period purchased consumed overage }\n      m10: capacity(period: $p10) { period purchased consumed overage }\n      m11: capacity(period: $p11) { period purchased consumed overage }\n    }\n  }\n": typeof types.CapacityHistoryDocument,
    "\n  query Group($id: ID!) {\n    securityGroup(id: $id) {\n      id\n      displayName\n      description\n      source\n      hasMembersWithLicenseErrors\n      memberOf { id displayName }\n      memberGroups { id displayName }\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n": typeof types.GroupDocument,
    "\n  query GroupMembers($id: ID!, $after: String, $first: Int!, $transitive: Boolean!) {\n    securityGroup(id: $id) {\n      id\n      members(after: $after, first: $first) @skip(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n      transitiveMembers(after: $after, first: $first) @include(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n": typeof types.GroupMembersDocument,
    "\n  query GroupLicenseErrors($id: ID!, $after: String, $first: Int!) {\n    securityGroup(id: $id) {\n      id\n      membersWithLicenseErrors(after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n": typeof types.GroupLicenseErrorsDocument,
    "\n  mutation CreateSecurityGroup($input: CreateSecurityGroupInput!) {\n    createSecurityGroup(input: $input) { id displayName description }\n  }\n": typeof types.CreateSecurityGroupDocument,
    "\n  mutation UpdateSecurityGroup($input: UpdateSecurityGroupInput!) {\n    updateSecurityGroup(input: $input) { id displayName description }\n  }\n": typeof types.UpdateSecurityGroupDocument,
    "\n  mutation DeleteSecurityGroup($id: ID!) {\n    deleteSecurityGroup(id: $id)\n  }\n": typeof types.DeleteSecurityGroupDocument,
    "\n  mutation AddGroupMembers($input: GroupMembersInput!) {\n    addGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n": typeof types.AddGroupMembersDocument,
    "\n  mutation RemoveGroupMembers($input: GroupMembersInput!) {\n    removeGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n": typeof types.RemoveGroupMembersDocument,
    "\n  query PickUsers($search: String) {\n    tenant { id users(filter: { search: $search }, first: 10) { totalCount nodes { id displayName userPrincipalName memberOf { id } } } }\n  }\n": typeof types.PickUsersDocument,
    "\n  query PickGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 10) { totalCount nodes { id displayName description } } }\n  }\n": typeof types.PickGroupsDocument,
    "\n  query Groups($search: String, $after: String, $first: Int!) {\n    tenant {\n      id\n      securityGroups(search: $search, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          description\n          hasMembersWithLicenseErrors\n          assignedLicenses { sku { id displayName } }\n          memberOf { id displayName }\n        }\n      }\n    }\n  }\n": typeof types.GroupsDocument,
    "\n  query AssignableSkus {\n    skus { id displayName kind isTrial servicePlans { id displayName } }\n  }\n": typeof types.AssignableSkusDocument,
    "\n  query PreviewGroupLicense($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseAssignment(skuId: $skuId, groupId: $groupId) {\n      newSeatsNeeded\n      alreadyLicensed\n      availableUnits\n      wouldBeInError\n      sku { id displayName }\n      group { id transitiveMembers(first: 1) { totalCount } }\n    }\n  }\n": typeof types.PreviewGroupLicenseDocument,
    "\n  query PreviewGroupLicenseRemoval($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseRemoval(skuId: $skuId, groupId: $groupId) {\n      wouldLoseSeat\n      keepThroughOtherSource\n      sku { id displayName }\n      losingSeat { id displayName userPrincipalName }\n      wouldGetSeatNext { id displayName userPrincipalName }\n    }\n  }\n": typeof types.PreviewGroupLicenseRemovalDocument,
    "\n  mutation AssignGroupLicenses($input: AssignGroupLicensesInput!) {\n    assignGroupLicenses(input: $input) {\n      id\n      hasMembersWithLicenseErrors\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n": typeof types.AssignGroupLicensesDocument,
    "\n  fragment PoolFigures on TenantLicense {\n    sku { id displayName kind }\n    prepaidUnits { enabled warning suspended }\n    consumedUnits\n    availableUnits\n    unassignedDemand\n    lowOnSeats\n  }\n": typeof types.PoolFiguresFragmentDoc,
    "\n  query LivePools {\n    tenant {\n      id\n      seatAlertThreshold\n      licenses { ...PoolFigures }\n    }\n  }\n": typeof types.LivePoolsDocument,
    "\n  subscription PoolsChanged {\n    tenantLicensesChanged { ...PoolFigures }\n  }\n": typeof types.PoolsChangedDocument,
    "\n  query InactivePools {\n    tenant { id inactiveAfterDays autoReclaim licenses { sku { id displayName kind } consumedUnits availableUnits } }\n  }\n": typeof types.InactivePoolsDocument,
    "\n  query InactiveHolders($skuId: ID!, $after: String, $first: Int!) {\n    tenant {\n      id\n      inactiveLicenseHolders(skuId: $skuId, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          user { id displayName userPrincipalName }\n          lastActivityAt\n          reclaimable\n          reclaimWarningAt\n          throughGroups { id displayName }\n        }\n      }\n    }\n  }\n": typeof types.InactiveHoldersDocument,
    "\n  mutation ReclaimLicenses($input: ReclaimLicensesInput!) {\n    reclaimLicenses(input: $input) {\n      reclaimed { id displayName }\n      skipped { id displayName }\n      tenantLicense { sku { id } consumedUnits availableUnits unassignedDemand }\n    }\n  }\n": typeof types.ReclaimLicensesDocument,
    "\n  query Requests($after: String, $first: Int!) {\n    tenant {\n      id\n      licenses { sku { id displayName kind } consumedUnits availableUnits unassignedDemand prepaidUnits { enabled warning suspended } }\n      licenseRequests(status: PENDING, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id status justification createdAt fromAutoClaim\n          sku { id displayName }\n          requester { id displayName userPrincipalName }\n        }\n      }\n    }\n  }\n": typeof types.RequestsDocument,
    "\n  subscription LicenseRequestChanged {\n    licenseRequestChanged { id status decidedAt reason }\n  }\n": typeof types.LicenseRequestChangedDocument,
    "\n  mutation ApproveLicenseRequest($input: ApproveLicenseRequestInput!) {\n    approveLicenseRequest(input: $input) { id status decidedAt grantedThroughGroup { id displayName } }\n  }\n": typeof types.ApproveLicenseRequestDocument,
    "\n  mutation DenyLicenseRequest($input: DenyLicenseRequestInput!) {\n    denyLicenseRequest(input: $input) { id status decidedAt reason }\n  }\n": typeof types.DenyLicenseRequestDocument,
    "\n  query RequestGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName source assignedLicenses { sku { id } } } } }\n  }\n": typeof types.RequestGroupsDocument,
    "\n  query AutoClaimSettings {\n    tenant {\n      id\n      licenses { sku { id displayName kind } }\n      autoClaimPolicies { enabled sku { id } scopeGroup { id displayName } }\n    }\n  }\n": typeof types.AutoClaimSettingsDocument,
    "\n  mutation SetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) {\n    setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id displayName } }\n  }\n": typeof types.SetAutoClaimPolicyDocument,
    "\n  query AutoClaimGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName } } }\n  }\n": typeof types.AutoClaimGroupsDocument,
    "\n  mutation UpdateInactivitySettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim }\n  }\n": typeof types.UpdateInactivitySettingsDocument,
    "\n  query ProvisioningTokens {\n    tenant { id provisioningTokens { id description hint createdAt expiresAt lastUsedAt } }\n  }\n": typeof types.ProvisioningTokensDocument,
    "\n  mutation CreateProvisioningToken($input: CreateProvisioningTokenInput!) {\n    createProvisioningToken(input: $input) {\n      token\n      scimBaseUrl\n      provisioningToken { id description hint createdAt expiresAt lastUsedAt }\n    }\n  }\n": typeof types.CreateProvisioningTokenDocument,
    "\n  mutation RevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }\n": typeof types.RevokeProvisioningTokenDocument,
    "\n  query Settings {\n    tenant { id displayName allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation inactiveAfterDays autoReclaim }\n  }\n": typeof types.SettingsDocument,
    "\n  mutation UpdateTenantSettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation licenses { sku { id } availableUnits lowOnSeats } }\n  }\n": typeof types.UpdateTenantSettingsDocument,
    "\n  query ActiveUsers($filter: UserFilter, $after: String, $first: Int!) {\n    skus { id displayName kind isTrial }\n    tenant {\n      id\n      users(filter: $filter, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          userPrincipalName\n          accountEnabled\n          canCreateBots\n          effectiveLicenses { sku { id displayName } state error }\n        }\n      }\n    }\n  }\n": typeof types.ActiveUsersDocument,
    "\n  query BulkLicenses {\n    skus { id displayName kind isTrial }\n    tenant { id licenses { sku { id } availableUnits prepaidUnits { enabled warning } } }\n  }\n": typeof types.BulkLicensesDocument,
    "\n  mutation AssignLicensesToUsers($input: AssignLicensesToUsersInput!) {\n    assignLicensesToUsers(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n": typeof types.AssignLicensesToUsersDocument,
    "\n  query UserLicenses($id: ID!) {\n    skus { id displayName kind isTrial servicePlans { id name displayName } }\n    tenant { id licenses { sku { id } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses {\n        sku { id }\n        state\n        error\n        enabledPlans { id }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n    }\n  }\n": typeof types.UserLicensesDocument,
    "\n  mutation AssignUserLicenses($input: AssignUserLicensesInput!) {\n    assignUserLicenses(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n": typeof types.AssignUserLicensesDocument,
    "\n  mutation RequestLicense($input: RequestLicenseInput!) {\n    requestLicense(input: $input) { id status justification reason createdAt decidedAt sku { id } }\n  }\n": typeof types.RequestLicenseDocument,
    "\n  mutation CancelLicenseRequest($id: ID!) {\n    cancelLicenseRequest(id: $id) { id status decidedAt }\n  }\n": typeof types.CancelLicenseRequestDocument,
    "\n  query WhyUser($id: ID!) {\n    tenant { id hasActiveTenantLicense licenses { sku { id displayName kind } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      accountEnabled\n      canCreateBots\n      effectiveLicenses {\n        sku { id displayName kind isTrial requires { id displayName } }\n        state\n        error\n        holdsSeat\n        expiresAt\n        enabledPlans { id name displayName }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n      licenseRequests { id status justification reason createdAt decidedAt sku { id } }\n    }\n  }\n": typeof types.WhyUserDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { id displayName userPrincipalName roles }\n    tenant { id displayName }\n  }\n": types.MeDocument,
    "\n  query AuditEvents($action: String, $targetId: ID, $from: DateTime, $to: DateTime, $after: String, $first: Int!) {\n    auditEvents(action: $action, targetId: $targetId, from: $from, to: $to, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetId targetDisplayName details at actor { id displayName userPrincipalName } }\n    }\n    skus { id partNumber displayName }\n  }\n": types.AuditEventsDocument,
    "\n  query Catalog {\n    skus { id partNumber displayName kind isTrial billedSessionsPerUnit requires { id displayName } servicePlans { id displayName } }\n    tenant {\n      id\n      hasActiveTenantLicense\n      subscriptions { id channel status quantity isTrial endsAt sku { id kind } }\n    }\n  }\n": types.CatalogDocument,
    "\n  mutation PurchaseLicenses($input: PurchaseLicensesInput!) {\n    purchaseLicenses(input: $input) {\n      orderId\n      subscriptions { id quantity channel status orderId sku { id displayName } }\n    }\n  }\n": types.PurchaseLicensesDocument,
    "\n  query Subscriptions {\n    tenant {\n      id\n      licenses {\n        sku { id displayName kind }\n        prepaidUnits { enabled warning suspended }\n        consumedUnits\n        availableUnits\n        unassignedDemand\n      }\n      subscriptions(includeInactive: true) {\n        id quantity channel isTrial orderId startsAt endsAt createdAt status\n        sku { id displayName kind }\n      }\n    }\n  }\n": types.SubscriptionsDocument,
    "\n  mutation UpdateSubscriptionQuantity($input: UpdateSubscriptionQuantityInput!) {\n    updateSubscriptionQuantity(input: $input) { id quantity status }\n  }\n": types.UpdateSubscriptionQuantityDocument,
    "\n  mutation CancelSubscription($id: ID!) {\n    cancelSubscription(id: $id) { id status endsAt }\n  }\n": types.CancelSubscriptionDocument,
    "\n  query UsageHistory($skuId: ID!, $from: String!, $to: String!) {\n    tenant { id licenseUsageHistory(skuId: $skuId, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n  }\n": types.UsageHistoryDocument,
    "\n  query UsageMonth { tenant { id capacity { period } } }\n": types.UsageMonthDocument,
    "\n  query Capacity($period: String) {\n    tenant {\n      id\n      capacity(period: $period) {\n        period purchased consumed remaining overage\n        byBot { billedSessions bot { id name published owner { id displayName } } }\n      }\n    }\n  }\n": types.CapacityDocument,
    "\n  query CapacityHistory($p0: String!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!, $p7: String!, $p8: String!, $p9: String!, $p10: String!, $p11: String!) {\n    tenant {\n      id\n      m0: capacity(period: $p0) { period purchased consumed overage }\n      m1: capacity(period: $p1) { period purchased consumed overage }\n      m2: capacity(period: $p2) { period purchased consumed overage }\n      m3: capacity(period: $p3) { period purchased consumed overage }\n      m4: capacity(period: $p4) { period purchased consumed overage }\n      m5: capacity(period: $p5) { period purchased consumed overage }\n      m6: capacity(period: $p6) { period purchased consumed overage }\n      m7: capacity(period: $p7) { period purchased consumed overage }\n      m8: capacity(period: $p8) { period purchased consumed overage }\n      m9: capacity(period: $p9) { period purchased consumed overage }\n      m10: capacity(period: $p10) { period purchased consumed overage }\n      m11: capacity(period: $p11) { period purchased consumed overage }\n    }\n  }\n": types.CapacityHistoryDocument,
    "\n  query Group($id: ID!) {\n    securityGroup(id: $id) {\n      id\n      displayName\n      description\n      source\n      hasMembersWithLicenseErrors\n      memberOf { id displayName }\n      memberGroups { id displayName }\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n": types.GroupDocument,
    "\n  query GroupMembers($id: ID!, $after: String, $first: Int!, $transitive: Boolean!) {\n    securityGroup(id: $id) {\n      id\n      members(after: $after, first: $first) @skip(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n      transitiveMembers(after: $after, first: $first) @include(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n": types.GroupMembersDocument,
    "\n  query GroupLicenseErrors($id: ID!, $after: String, $first: Int!) {\n    securityGroup(id: $id) {\n      id\n      membersWithLicenseErrors(after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n": types.GroupLicenseErrorsDocument,
    "\n  mutation CreateSecurityGroup($input: CreateSecurityGroupInput!) {\n    createSecurityGroup(input: $input) { id displayName description }\n  }\n": types.CreateSecurityGroupDocument,
    "\n  mutation UpdateSecurityGroup($input: UpdateSecurityGroupInput!) {\n    updateSecurityGroup(input: $input) { id displayName description }\n  }\n": types.UpdateSecurityGroupDocument,
    "\n  mutation DeleteSecurityGroup($id: ID!) {\n    deleteSecurityGroup(id: $id)\n  }\n": types.DeleteSecurityGroupDocument,
    "\n  mutation AddGroupMembers($input: GroupMembersInput!) {\n    addGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n": types.AddGroupMembersDocument,
    "\n  mutation RemoveGroupMembers($input: GroupMembersInput!) {\n    removeGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n": types.RemoveGroupMembersDocument,
    "\n  query PickUsers($search: String) {\n    tenant { id users(filter: { search: $search }, first: 10) { totalCount nodes { id displayName userPrincipalName memberOf { id } } } }\n  }\n": types.PickUsersDocument,
    "\n  query PickGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 10) { totalCount nodes { id displayName description } } }\n  }\n": types.PickGroupsDocument,
    "\n  query Groups($search: String, $after: String, $first: Int!) {\n    tenant {\n      id\n      securityGroups(search: $search, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          description\n          hasMembersWithLicenseErrors\n          assignedLicenses { sku { id displayName } }\n          memberOf { id displayName }\n        }\n      }\n    }\n  }\n": types.GroupsDocument,
    "\n  query AssignableSkus {\n    skus { id displayName kind isTrial servicePlans { id displayName } }\n  }\n": types.AssignableSkusDocument,
    "\n  query PreviewGroupLicense($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseAssignment(skuId: $skuId, groupId: $groupId) {\n      newSeatsNeeded\n      alreadyLicensed\n      availableUnits\n      wouldBeInError\n      sku { id displayName }\n      group { id transitiveMembers(first: 1) { totalCount } }\n    }\n  }\n": types.PreviewGroupLicenseDocument,
    "\n  query PreviewGroupLicenseRemoval($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseRemoval(skuId: $skuId, groupId: $groupId) {\n      wouldLoseSeat\n      keepThroughOtherSource\n      sku { id displayName }\n      losingSeat { id displayName userPrincipalName }\n      wouldGetSeatNext { id displayName userPrincipalName }\n    }\n  }\n": types.PreviewGroupLicenseRemovalDocument,
    "\n  mutation AssignGroupLicenses($input: AssignGroupLicensesInput!) {\n    assignGroupLicenses(input: $input) {\n      id\n      hasMembersWithLicenseErrors\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n": types.AssignGroupLicensesDocument,
    "\n  fragment PoolFigures on TenantLicense {\n    sku { id displayName kind }\n    prepaidUnits { enabled warning suspended }\n    consumedUnits\n    availableUnits\n    unassignedDemand\n    lowOnSeats\n  }\n": types.PoolFiguresFragmentDoc,
    "\n  query LivePools {\n    tenant {\n      id\n      seatAlertThreshold\n      licenses { ...PoolFigures }\n    }\n  }\n": types.LivePoolsDocument,
    "\n  subscription PoolsChanged {\n    tenantLicensesChanged { ...PoolFigures }\n  }\n": types.PoolsChangedDocument,
    "\n  query InactivePools {\n    tenant { id inactiveAfterDays autoReclaim licenses { sku { id displayName kind } consumedUnits availableUnits } }\n  }\n": types.InactivePoolsDocument,
    "\n  query InactiveHolders($skuId: ID!, $after: String, $first: Int!) {\n    tenant {\n      id\n      inactiveLicenseHolders(skuId: $skuId, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          user { id displayName userPrincipalName }\n          lastActivityAt\n          reclaimable\n          reclaimWarningAt\n          throughGroups { id displayName }\n        }\n      }\n    }\n  }\n": types.InactiveHoldersDocument,
    "\n  mutation ReclaimLicenses($input: ReclaimLicensesInput!) {\n    reclaimLicenses(input: $input) {\n      reclaimed { id displayName }\n      skipped { id displayName }\n      tenantLicense { sku { id } consumedUnits availableUnits unassignedDemand }\n    }\n  }\n": types.ReclaimLicensesDocument,
    "\n  query Requests($after: String, $first: Int!) {\n    tenant {\n      id\n      licenses { sku { id displayName kind } consumedUnits availableUnits unassignedDemand prepaidUnits { enabled warning suspended } }\n      licenseRequests(status: PENDING, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id status justification createdAt fromAutoClaim\n          sku { id displayName }\n          requester { id displayName userPrincipalName }\n        }\n      }\n    }\n  }\n": types.RequestsDocument,
    "\n  subscription LicenseRequestChanged {\n    licenseRequestChanged { id status decidedAt reason }\n  }\n": types.LicenseRequestChangedDocument,
    "\n  mutation ApproveLicenseRequest($input: ApproveLicenseRequestInput!) {\n    approveLicenseRequest(input: $input) { id status decidedAt grantedThroughGroup { id displayName } }\n  }\n": types.ApproveLicenseRequestDocument,
    "\n  mutation DenyLicenseRequest($input: DenyLicenseRequestInput!) {\n    denyLicenseRequest(input: $input) { id status decidedAt reason }\n  }\n": types.DenyLicenseRequestDocument,
    "\n  query RequestGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName source assignedLicenses { sku { id } } } } }\n  }\n": types.RequestGroupsDocument,
    "\n  query AutoClaimSettings {\n    tenant {\n      id\n      licenses { sku { id displayName kind } }\n      autoClaimPolicies { enabled sku { id } scopeGroup { id displayName } }\n    }\n  }\n": types.AutoClaimSettingsDocument,
    "\n  mutation SetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) {\n    setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id displayName } }\n  }\n": types.SetAutoClaimPolicyDocument,
    "\n  query AutoClaimGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName } } }\n  }\n": types.AutoClaimGroupsDocument,
    "\n  mutation UpdateInactivitySettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim }\n  }\n": types.UpdateInactivitySettingsDocument,
    "\n  query ProvisioningTokens {\n    tenant { id provisioningTokens { id description hint createdAt expiresAt lastUsedAt } }\n  }\n": types.ProvisioningTokensDocument,
    "\n  mutation CreateProvisioningToken($input: CreateProvisioningTokenInput!) {\n    createProvisioningToken(input: $input) {\n      token\n      scimBaseUrl\n      provisioningToken { id description hint createdAt expiresAt lastUsedAt }\n    }\n  }\n": types.CreateProvisioningTokenDocument,
    "\n  mutation RevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }\n": types.RevokeProvisioningTokenDocument,
    "\n  query Settings {\n    tenant { id displayName allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation inactiveAfterDays autoReclaim }\n  }\n": types.SettingsDocument,
    "\n  mutation UpdateTenantSettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation licenses { sku { id } availableUnits lowOnSeats } }\n  }\n": types.UpdateTenantSettingsDocument,
    "\n  query ActiveUsers($filter: UserFilter, $after: String, $first: Int!) {\n    skus { id displayName kind isTrial }\n    tenant {\n      id\n      users(filter: $filter, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          userPrincipalName\n          accountEnabled\n          canCreateBots\n          effectiveLicenses { sku { id displayName } state error }\n        }\n      }\n    }\n  }\n": types.ActiveUsersDocument,
    "\n  query BulkLicenses {\n    skus { id displayName kind isTrial }\n    tenant { id licenses { sku { id } availableUnits prepaidUnits { enabled warning } } }\n  }\n": types.BulkLicensesDocument,
    "\n  mutation AssignLicensesToUsers($input: AssignLicensesToUsersInput!) {\n    assignLicensesToUsers(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n": types.AssignLicensesToUsersDocument,
    "\n  query UserLicenses($id: ID!) {\n    skus { id displayName kind isTrial servicePlans { id name displayName } }\n    tenant { id licenses { sku { id } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses {\n        sku { id }\n        state\n        error\n        enabledPlans { id }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n    }\n  }\n": types.UserLicensesDocument,
    "\n  mutation AssignUserLicenses($input: AssignUserLicensesInput!) {\n    assignUserLicenses(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n": types.AssignUserLicensesDocument,
    "\n  mutation RequestLicense($input: RequestLicenseInput!) {\n    requestLicense(input: $input) { id status justification reason createdAt decidedAt sku { id } }\n  }\n": types.RequestLicenseDocument,
    "\n  mutation CancelLicenseRequest($id: ID!) {\n    cancelLicenseRequest(id: $id) { id status decidedAt }\n  }\n": types.CancelLicenseRequestDocument,
    "\n  query WhyUser($id: ID!) {\n    tenant { id hasActiveTenantLicense licenses { sku { id displayName kind } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      accountEnabled\n      canCreateBots\n      effectiveLicenses {\n        sku { id displayName kind isTrial requires { id displayName } }\n        state\n        error\n        holdsSeat\n        expiresAt\n        enabledPlans { id name displayName }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n      licenseRequests { id status justification reason createdAt decidedAt sku { id } }\n    }\n  }\n": types.WhyUserDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me { id displayName userPrincipalName roles }\n    tenant { id displayName }\n  }\n"): (typeof documents)["\n  query Me {\n    me { id displayName userPrincipalName roles }\n    tenant { id displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($action: String, $targetId: ID, $from: DateTime, $to: DateTime, $after: String, $first: Int!) {\n    auditEvents(action: $action, targetId: $targetId, from: $from, to: $to, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetId targetDisplayName details at actor { id displayName userPrincipalName } }\n    }\n    skus { id partNumber displayName }\n  }\n"): (typeof documents)["\n  query AuditEvents($action: String, $targetId: ID, $from: DateTime, $to: DateTime, $after: String, $first: Int!) {\n    auditEvents(action: $action, targetId: $targetId, from: $from, to: $to, after: $after, first: $first) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes { id action targetId targetDisplayName details at actor { id displayName userPrincipalName } }\n    }\n    skus { id partNumber displayName }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Catalog {\n    skus { id partNumber displayName kind isTrial billedSessionsPerUnit requires { id displayName } servicePlans { id displayName } }\n    tenant {\n      id\n      hasActiveTenantLicense\n      subscriptions { id channel status quantity isTrial endsAt sku { id kind } }\n    }\n  }\n"): (typeof documents)["\n  query Catalog {\n    skus { id partNumber displayName kind isTrial billedSessionsPerUnit requires { id displayName } servicePlans { id displayName } }\n    tenant {\n      id\n      hasActiveTenantLicense\n      subscriptions { id channel status quantity isTrial endsAt sku { id kind } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PurchaseLicenses($input: PurchaseLicensesInput!) {\n    purchaseLicenses(input: $input) {\n      orderId\n      subscriptions { id quantity channel status orderId sku { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  mutation PurchaseLicenses($input: PurchaseLicensesInput!) {\n    purchaseLicenses(input: $input) {\n      orderId\n      subscriptions { id quantity channel status orderId sku { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Subscriptions {\n    tenant {\n      id\n      licenses {\n        sku { id displayName kind }\n        prepaidUnits { enabled warning suspended }\n        consumedUnits\n        availableUnits\n        unassignedDemand\n      }\n      subscriptions(includeInactive: true) {\n        id quantity channel isTrial orderId startsAt endsAt createdAt status\n        sku { id displayName kind }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Subscriptions {\n    tenant {\n      id\n      licenses {\n        sku { id displayName kind }\n        prepaidUnits { enabled warning suspended }\n        consumedUnits\n        availableUnits\n        unassignedDemand\n      }\n      subscriptions(includeInactive: true) {\n        id quantity channel isTrial orderId startsAt endsAt createdAt status\n        sku { id displayName kind }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSubscriptionQuantity($input: UpdateSubscriptionQuantityInput!) {\n    updateSubscriptionQuantity(input: $input) { id quantity status }\n  }\n"): (typeof documents)["\n  mutation UpdateSubscriptionQuantity($input: UpdateSubscriptionQuantityInput!) {\n    updateSubscriptionQuantity(input: $input) { id quantity status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSubscription($id: ID!) {\n    cancelSubscription(id: $id) { id status endsAt }\n  }\n"): (typeof documents)["\n  mutation CancelSubscription($id: ID!) {\n    cancelSubscription(id: $id) { id status endsAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageHistory($skuId: ID!, $from: String!, $to: String!) {\n    tenant { id licenseUsageHistory(skuId: $skuId, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n  }\n"): (typeof documents)["\n  query UsageHistory($skuId: ID!, $from: String!, $to: String!) {\n    tenant { id licenseUsageHistory(skuId: $skuId, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UsageMonth { tenant { id capacity { period } } }\n"): (typeof documents)["\n  query UsageMonth { tenant { id capacity { period } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Capacity($period: String) {\n    tenant {\n      id\n      capacity(period: $period) {\n        period purchased consumed remaining overage\n        byBot { billedSessions bot { id name published owner { id displayName } } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Capacity($period: String) {\n    tenant {\n      id\n      capacity(period: $period) {\n        period purchased consumed remaining overage\n        byBot { billedSessions bot { id name published owner { id displayName } } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CapacityHistory($p0: String!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!, $p7: String!, $p8: String!, $p9: String!, $p10: String!, $p11: String!) {\n    tenant {\n      id\n      m0: capacity(period: $p0) { period purchased consumed overage }\n      m1: capacity(period: $p1) { period purchased consumed overage }\n      m2: capacity(period: $p2) { period purchased consumed overage }\n      m3: capacity(period: $p3) { period purchased consumed overage }\n      m4: capacity(period: $p4) { period purchased consumed overage }\n      m5: capacity(period: $p5) { period purchased consumed overage }\n      m6: capacity(period: $p6) { period purchased consumed overage }\n      m7: capacity(period: $p7) { period purchased consumed overage }\n      m8: capacity(period: $p8) { period purchased consumed overage }\n      m9: capacity(period: $p9) { period purchased consumed overage }\n      m10: capacity(period: $p10) { period purchased consumed overage }\n      m11: capacity(period: $p11) { period purchased consumed overage }\n    }\n  }\n"): (typeof documents)["\n  query CapacityHistory($p0: String!, $p1: String!, $p2: String!, $p3: String!, $p4: String!, $p5: String!, $p6: String!, $p7: String!, $p8: String!, $p9: String!, $p10: String!, $p11: String!) {\n    tenant {\n      id\n      m0: capacity(period: $p0) { period purchased consumed overage }\n      m1: capacity(period: $p1) { period purchased consumed overage }\n      m2: capacity(period: $p2) { period purchased consumed overage }\n      m3: capacity(period: $p3) { period purchased consumed overage }\n      m4: capacity(period: $p4) { period purchased consumed overage }\n      m5: capacity(period: $p5) { period purchased consumed overage }\n      m6: capacity(period: $p6) { period purchased consumed overage }\n      m7: capacity(period: $p7) { period purchased consumed overage }\n      m8: capacity(period: $p8) { period purchased consumed overage }\n      m9: capacity(period: $p9) { period purchased consumed overage }\n      m10: capacity(period: $p10) { period purchased consumed overage }\n      m11: capacity(period: $p11) { period purchased consumed overage }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Group($id: ID!) {\n    securityGroup(id: $id) {\n      id\n      displayName\n      description\n      source\n      hasMembersWithLicenseErrors\n      memberOf { id displayName }\n      memberGroups { id displayName }\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n"): (typeof documents)["\n  query Group($id: ID!) {\n    securityGroup(id: $id) {\n      id\n      displayName\n      description\n      source\n      hasMembersWithLicenseErrors\n      memberOf { id displayName }\n      memberGroups { id displayName }\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupMembers($id: ID!, $after: String, $first: Int!, $transitive: Boolean!) {\n    securityGroup(id: $id) {\n      id\n      members(after: $after, first: $first) @skip(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n      transitiveMembers(after: $after, first: $first) @include(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupMembers($id: ID!, $after: String, $first: Int!, $transitive: Boolean!) {\n    securityGroup(id: $id) {\n      id\n      members(after: $after, first: $first) @skip(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n      transitiveMembers(after: $after, first: $first) @include(if: $transitive) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupLicenseErrors($id: ID!, $after: String, $first: Int!) {\n    securityGroup(id: $id) {\n      id\n      membersWithLicenseErrors(after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupLicenseErrors($id: ID!, $after: String, $first: Int!) {\n    securityGroup(id: $id) {\n      id\n      membersWithLicenseErrors(after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes { id displayName userPrincipalName effectiveLicenses { sku { id displayName } state error } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSecurityGroup($input: CreateSecurityGroupInput!) {\n    createSecurityGroup(input: $input) { id displayName description }\n  }\n"): (typeof documents)["\n  mutation CreateSecurityGroup($input: CreateSecurityGroupInput!) {\n    createSecurityGroup(input: $input) { id displayName description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSecurityGroup($input: UpdateSecurityGroupInput!) {\n    updateSecurityGroup(input: $input) { id displayName description }\n  }\n"): (typeof documents)["\n  mutation UpdateSecurityGroup($input: UpdateSecurityGroupInput!) {\n    updateSecurityGroup(input: $input) { id displayName description }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSecurityGroup($id: ID!) {\n    deleteSecurityGroup(id: $id)\n  }\n"): (typeof documents)["\n  mutation DeleteSecurityGroup($id: ID!) {\n    deleteSecurityGroup(id: $id)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddGroupMembers($input: GroupMembersInput!) {\n    addGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n"): (typeof documents)["\n  mutation AddGroupMembers($input: GroupMembersInput!) {\n    addGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveGroupMembers($input: GroupMembersInput!) {\n    removeGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n"): (typeof documents)["\n  mutation RemoveGroupMembers($input: GroupMembersInput!) {\n    removeGroupMembers(input: $input) { id memberGroups { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickUsers($search: String) {\n    tenant { id users(filter: { search: $search }, first: 10) { totalCount nodes { id displayName userPrincipalName memberOf { id } } } }\n  }\n"): (typeof documents)["\n  query PickUsers($search: String) {\n    tenant { id users(filter: { search: $search }, first: 10) { totalCount nodes { id displayName userPrincipalName memberOf { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PickGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 10) { totalCount nodes { id displayName description } } }\n  }\n"): (typeof documents)["\n  query PickGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 10) { totalCount nodes { id displayName description } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Groups($search: String, $after: String, $first: Int!) {\n    tenant {\n      id\n      securityGroups(search: $search, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          description\n          hasMembersWithLicenseErrors\n          assignedLicenses { sku { id displayName } }\n          memberOf { id displayName }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Groups($search: String, $after: String, $first: Int!) {\n    tenant {\n      id\n      securityGroups(search: $search, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          description\n          hasMembersWithLicenseErrors\n          assignedLicenses { sku { id displayName } }\n          memberOf { id displayName }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AssignableSkus {\n    skus { id displayName kind isTrial servicePlans { id displayName } }\n  }\n"): (typeof documents)["\n  query AssignableSkus {\n    skus { id displayName kind isTrial servicePlans { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewGroupLicense($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseAssignment(skuId: $skuId, groupId: $groupId) {\n      newSeatsNeeded\n      alreadyLicensed\n      availableUnits\n      wouldBeInError\n      sku { id displayName }\n      group { id transitiveMembers(first: 1) { totalCount } }\n    }\n  }\n"): (typeof documents)["\n  query PreviewGroupLicense($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseAssignment(skuId: $skuId, groupId: $groupId) {\n      newSeatsNeeded\n      alreadyLicensed\n      availableUnits\n      wouldBeInError\n      sku { id displayName }\n      group { id transitiveMembers(first: 1) { totalCount } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PreviewGroupLicenseRemoval($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseRemoval(skuId: $skuId, groupId: $groupId) {\n      wouldLoseSeat\n      keepThroughOtherSource\n      sku { id displayName }\n      losingSeat { id displayName userPrincipalName }\n      wouldGetSeatNext { id displayName userPrincipalName }\n    }\n  }\n"): (typeof documents)["\n  query PreviewGroupLicenseRemoval($skuId: ID!, $groupId: ID!) {\n    previewGroupLicenseRemoval(skuId: $skuId, groupId: $groupId) {\n      wouldLoseSeat\n      keepThroughOtherSource\n      sku { id displayName }\n      losingSeat { id displayName userPrincipalName }\n      wouldGetSeatNext { id displayName userPrincipalName }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignGroupLicenses($input: AssignGroupLicensesInput!) {\n    assignGroupLicenses(input: $input) {\n      id\n      hasMembersWithLicenseErrors\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignGroupLicenses($input: AssignGroupLicensesInput!) {\n    assignGroupLicenses(input: $input) {\n      id\n      hasMembersWithLicenseErrors\n      assignedLicenses { sku { id displayName } disabledPlans { id displayName } assignedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment PoolFigures on TenantLicense {\n    sku { id displayName kind }\n    prepaidUnits { enabled warning suspended }\n    consumedUnits\n    availableUnits\n    unassignedDemand\n    lowOnSeats\n  }\n"): (typeof documents)["\n  fragment PoolFigures on TenantLicense {\n    sku { id displayName kind }\n    prepaidUnits { enabled warning suspended }\n    consumedUnits\n    availableUnits\n    unassignedDemand\n    lowOnSeats\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LivePools {\n    tenant {\n      id\n      seatAlertThreshold\n      licenses { ...PoolFigures }\n    }\n  }\n"): (typeof documents)["\n  query LivePools {\n    tenant {\n      id\n      seatAlertThreshold\n      licenses { ...PoolFigures }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription PoolsChanged {\n    tenantLicensesChanged { ...PoolFigures }\n  }\n"): (typeof documents)["\n  subscription PoolsChanged {\n    tenantLicensesChanged { ...PoolFigures }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InactivePools {\n    tenant { id inactiveAfterDays autoReclaim licenses { sku { id displayName kind } consumedUnits availableUnits } }\n  }\n"): (typeof documents)["\n  query InactivePools {\n    tenant { id inactiveAfterDays autoReclaim licenses { sku { id displayName kind } consumedUnits availableUnits } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InactiveHolders($skuId: ID!, $after: String, $first: Int!) {\n    tenant {\n      id\n      inactiveLicenseHolders(skuId: $skuId, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          user { id displayName userPrincipalName }\n          lastActivityAt\n          reclaimable\n          reclaimWarningAt\n          throughGroups { id displayName }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query InactiveHolders($skuId: ID!, $after: String, $first: Int!) {\n    tenant {\n      id\n      inactiveLicenseHolders(skuId: $skuId, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          user { id displayName userPrincipalName }\n          lastActivityAt\n          reclaimable\n          reclaimWarningAt\n          throughGroups { id displayName }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReclaimLicenses($input: ReclaimLicensesInput!) {\n    reclaimLicenses(input: $input) {\n      reclaimed { id displayName }\n      skipped { id displayName }\n      tenantLicense { sku { id } consumedUnits availableUnits unassignedDemand }\n    }\n  }\n"): (typeof documents)["\n  mutation ReclaimLicenses($input: ReclaimLicensesInput!) {\n    reclaimLicenses(input: $input) {\n      reclaimed { id displayName }\n      skipped { id displayName }\n      tenantLicense { sku { id } consumedUnits availableUnits unassignedDemand }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Requests($after: String, $first: Int!) {\n    tenant {\n      id\n      licenses { sku { id displayName kind } consumedUnits availableUnits unassignedDemand prepaidUnits { enabled warning suspended } }\n      licenseRequests(status: PENDING, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id status justification createdAt fromAutoClaim\n          sku { id displayName }\n          requester { id displayName userPrincipalName }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Requests($after: String, $first: Int!) {\n    tenant {\n      id\n      licenses { sku { id displayName kind } consumedUnits availableUnits unassignedDemand prepaidUnits { enabled warning suspended } }\n      licenseRequests(status: PENDING, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id status justification createdAt fromAutoClaim\n          sku { id displayName }\n          requester { id displayName userPrincipalName }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription LicenseRequestChanged {\n    licenseRequestChanged { id status decidedAt reason }\n  }\n"): (typeof documents)["\n  subscription LicenseRequestChanged {\n    licenseRequestChanged { id status decidedAt reason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ApproveLicenseRequest($input: ApproveLicenseRequestInput!) {\n    approveLicenseRequest(input: $input) { id status decidedAt grantedThroughGroup { id displayName } }\n  }\n"): (typeof documents)["\n  mutation ApproveLicenseRequest($input: ApproveLicenseRequestInput!) {\n    approveLicenseRequest(input: $input) { id status decidedAt grantedThroughGroup { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DenyLicenseRequest($input: DenyLicenseRequestInput!) {\n    denyLicenseRequest(input: $input) { id status decidedAt reason }\n  }\n"): (typeof documents)["\n  mutation DenyLicenseRequest($input: DenyLicenseRequestInput!) {\n    denyLicenseRequest(input: $input) { id status decidedAt reason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RequestGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName source assignedLicenses { sku { id } } } } }\n  }\n"): (typeof documents)["\n  query RequestGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName source assignedLicenses { sku { id } } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutoClaimSettings {\n    tenant {\n      id\n      licenses { sku { id displayName kind } }\n      autoClaimPolicies { enabled sku { id } scopeGroup { id displayName } }\n    }\n  }\n"): (typeof documents)["\n  query AutoClaimSettings {\n    tenant {\n      id\n      licenses { sku { id displayName kind } }\n      autoClaimPolicies { enabled sku { id } scopeGroup { id displayName } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) {\n    setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id displayName } }\n  }\n"): (typeof documents)["\n  mutation SetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) {\n    setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id displayName } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AutoClaimGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName } } }\n  }\n"): (typeof documents)["\n  query AutoClaimGroups($search: String) {\n    tenant { id securityGroups(search: $search, first: 20) { nodes { id displayName } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateInactivitySettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim }\n  }\n"): (typeof documents)["\n  mutation UpdateInactivitySettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProvisioningTokens {\n    tenant { id provisioningTokens { id description hint createdAt expiresAt lastUsedAt } }\n  }\n"): (typeof documents)["\n  query ProvisioningTokens {\n    tenant { id provisioningTokens { id description hint createdAt expiresAt lastUsedAt } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateProvisioningToken($input: CreateProvisioningTokenInput!) {\n    createProvisioningToken(input: $input) {\n      token\n      scimBaseUrl\n      provisioningToken { id description hint createdAt expiresAt lastUsedAt }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateProvisioningToken($input: CreateProvisioningTokenInput!) {\n    createProvisioningToken(input: $input) {\n      token\n      scimBaseUrl\n      provisioningToken { id description hint createdAt expiresAt lastUsedAt }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }\n"): (typeof documents)["\n  mutation RevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Settings {\n    tenant { id displayName allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation inactiveAfterDays autoReclaim }\n  }\n"): (typeof documents)["\n  query Settings {\n    tenant { id displayName allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation inactiveAfterDays autoReclaim }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantSettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation licenses { sku { id } availableUnits lowOnSeats } }\n  }\n"): (typeof documents)["\n  mutation UpdateTenantSettings($input: TenantSettingsInput!) {\n    updateTenantSettings(input: $input) { id allowAdHocSubscriptions seatAlertThreshold defaultUsageLocation licenses { sku { id } availableUnits lowOnSeats } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ActiveUsers($filter: UserFilter, $after: String, $first: Int!) {\n    skus { id displayName kind isTrial }\n    tenant {\n      id\n      users(filter: $filter, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          userPrincipalName\n          accountEnabled\n          canCreateBots\n          effectiveLicenses { sku { id displayName } state error }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query ActiveUsers($filter: UserFilter, $after: String, $first: Int!) {\n    skus { id displayName kind isTrial }\n    tenant {\n      id\n      users(filter: $filter, after: $after, first: $first) {\n        totalCount\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          displayName\n          userPrincipalName\n          accountEnabled\n          canCreateBots\n          effectiveLicenses { sku { id displayName } state error }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BulkLicenses {\n    skus { id displayName kind isTrial }\n    tenant { id licenses { sku { id } availableUnits prepaidUnits { enabled warning } } }\n  }\n"): (typeof documents)["\n  query BulkLicenses {\n    skus { id displayName kind isTrial }\n    tenant { id licenses { sku { id } availableUnits prepaidUnits { enabled warning } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignLicensesToUsers($input: AssignLicensesToUsersInput!) {\n    assignLicensesToUsers(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignLicensesToUsers($input: AssignLicensesToUsersInput!) {\n    assignLicensesToUsers(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UserLicenses($id: ID!) {\n    skus { id displayName kind isTrial servicePlans { id name displayName } }\n    tenant { id licenses { sku { id } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses {\n        sku { id }\n        state\n        error\n        enabledPlans { id }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UserLicenses($id: ID!) {\n    skus { id displayName kind isTrial servicePlans { id name displayName } }\n    tenant { id licenses { sku { id } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses {\n        sku { id }\n        state\n        error\n        enabledPlans { id }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AssignUserLicenses($input: AssignUserLicensesInput!) {\n    assignUserLicenses(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n"): (typeof documents)["\n  mutation AssignUserLicenses($input: AssignUserLicensesInput!) {\n    assignUserLicenses(input: $input) {\n      id\n      canCreateBots\n      assignedLicenses { sku { id } disabledPlans { id } }\n      effectiveLicenses { sku { id displayName } state error enabledPlans { id } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestLicense($input: RequestLicenseInput!) {\n    requestLicense(input: $input) { id status justification reason createdAt decidedAt sku { id } }\n  }\n"): (typeof documents)["\n  mutation RequestLicense($input: RequestLicenseInput!) {\n    requestLicense(input: $input) { id status justification reason createdAt decidedAt sku { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelLicenseRequest($id: ID!) {\n    cancelLicenseRequest(id: $id) { id status decidedAt }\n  }\n"): (typeof documents)["\n  mutation CancelLicenseRequest($id: ID!) {\n    cancelLicenseRequest(id: $id) { id status decidedAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WhyUser($id: ID!) {\n    tenant { id hasActiveTenantLicense licenses { sku { id displayName kind } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      accountEnabled\n      canCreateBots\n      effectiveLicenses {\n        sku { id displayName kind isTrial requires { id displayName } }\n        state\n        error\n        holdsSeat\n        expiresAt\n        enabledPlans { id name displayName }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n      licenseRequests { id status justification reason createdAt decidedAt sku { id } }\n    }\n  }\n"): (typeof documents)["\n  query WhyUser($id: ID!) {\n    tenant { id hasActiveTenantLicense licenses { sku { id displayName kind } availableUnits consumedUnits unassignedDemand prepaidUnits { enabled warning suspended } } }\n    user(id: $id) {\n      id\n      displayName\n      accountEnabled\n      canCreateBots\n      effectiveLicenses {\n        sku { id displayName kind isTrial requires { id displayName } }\n        state\n        error\n        holdsSeat\n        expiresAt\n        enabledPlans { id name displayName }\n        sources { kind group { id displayName } via { id displayName } }\n      }\n      licenseRequests { id status justification reason createdAt decidedAt sku { id } }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;