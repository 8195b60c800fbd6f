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
    "query AnswerCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state error holdsSeat expiresAt sources { kind via { id } } } } }": typeof types.AnswerCacheW1Document,
    "query AnswerCacheRoles { me { id roles accountEnabled } }": typeof types.AnswerCacheRolesDocument,
    "query AnswerCacheWithRate { me { id } rateLimit { currentlyAvailable } }": typeof types.AnswerCacheWithRateDocument,
    "mutation AnswerCacheTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }": typeof types.AnswerCacheTrialDocument,
    "query AccessBotsAndIdentityBot($id: ID!) { bot(id: $id) { id } }": typeof types.AccessBotsAndIdentityBotDocument,
    "query AccessBotsAndIdentityUser($id: ID!) { user(id: $id) { userPrincipalName } }": typeof types.AccessBotsAndIdentityUserDocument,
    "mutation AccessBotsAndIdentityRecordBotSessions($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions\n           owner { id userPrincipalName roles canCreateBots memberOf { displayName } effectiveLicenses { state sku { partNumber } } } } }": typeof types.AccessBotsAndIdentityRecordBotSessionsDocument,
    "query AccessBotsAndIdentityAuditEvents { auditEvents { totalCount } }": typeof types.AccessBotsAndIdentityAuditEventsDocument,
    "query AccessIsolationUserSecurityGroupBot($u: ID!, $g: ID!, $b: ID!) { user(id: $u) { id } securityGroup(id: $g) { id } bot(id: $b) { id } }": typeof types.AccessIsolationUserSecurityGroupBotDocument,
    "query AccessIsolationUser($id: ID!) { user(id: $id) { id displayName } }": typeof types.AccessIsolationUserDocument,
    "query AccessIsolationSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }": typeof types.AccessIsolationSecurityGroupDocument,
    "query AccessIsolationBot($id: ID!) { bot(id: $id) { id name } }": typeof types.AccessIsolationBotDocument,
    "query AccessIsolationTenantAuditEvents { tenant { users(first: 1000) { nodes { id } } securityGroups(first: 1000) { nodes { id } } bots(first: 1000) { nodes { id } }\n           subscriptions(includeInactive: true) { id } capacity { consumed byBot { bot { id } } } }\n           auditEvents(first: 1000) { nodes { id targetId } } }": typeof types.AccessIsolationTenantAuditEventsDocument,
    "query AccessIsolationByGroup($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }": typeof types.AccessIsolationByGroupDocument,
    "mutation AccessIsolationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }": typeof types.AccessIsolationUpdateSecurityGroupDocument,
    "query AccessIsolationPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded } }": typeof types.AccessIsolationPreviewGroupLicenseAssignmentDocument,
    "query AccessOperationsNode($id: ID!) { node(id: $id) { id __typename } }": typeof types.AccessOperationsNodeDocument,
    "query AccessTenantInactiveHolders($sku: ID!) { tenant { id inactiveLicenseHolders(skuId: $sku) { totalCount nodes { user { id } } } } }": typeof types.AccessTenantInactiveHoldersDocument,
    "mutation AccessOperationsRequestLicense($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }": typeof types.AccessOperationsRequestLicenseDocument,
    "mutation AccessOperationsCancelLicenseRequest($id: ID!) { cancelLicenseRequest(id: $id) { id status } }": typeof types.AccessOperationsCancelLicenseRequestDocument,
    "mutation AccessOperationsApproveLicenseRequest($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id status } }": typeof types.AccessOperationsApproveLicenseRequestDocument,
    "mutation AccessOperationsDenyLicenseRequest($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status } }": typeof types.AccessOperationsDenyLicenseRequestDocument,
    "mutation AccessOperationsSetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) { setAutoClaimPolicy(input: $input) { enabled } }": typeof types.AccessOperationsSetAutoClaimPolicyDocument,
    "mutation AccessOperationsClaimLicense($skuId: ID!) { claimLicense(skuId: $skuId) { license { state } request { id } } }": typeof types.AccessOperationsClaimLicenseDocument,
    "query AccessOperationsSkus { skus { id partNumber servicePlans { name } } }": typeof types.AccessOperationsSkusDocument,
    "query AccessOperationsRateLimit { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }": typeof types.AccessOperationsRateLimitDocument,
    "query AccessOperationsMe { me { id userPrincipalName roles canCreateBots } }": typeof types.AccessOperationsMeDocument,
    "query AccessOperationsTenant { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }": typeof types.AccessOperationsTenantDocument,
    "query AccessTenantUsers { tenant { id users(first: 5) { totalCount nodes { id } } } }": typeof types.AccessTenantUsersDocument,
    "query AccessTenantSecurityGroups { tenant { id securityGroups(first: 5) { totalCount nodes { id } } } }": typeof types.AccessTenantSecurityGroupsDocument,
    "query AccessTenantSubscriptions { tenant { id subscriptions { id quantity } } }": typeof types.AccessTenantSubscriptionsDocument,
    "query AccessTenantLicenses { tenant { id licenses { consumedUnits availableUnits } } }": typeof types.AccessTenantLicensesDocument,
    "query AccessTenantBots { tenant { id bots(first: 5) { totalCount nodes { id } } } }": typeof types.AccessTenantBotsDocument,
    "query AccessTenantCapacity { tenant { id capacity { period purchased consumed } } }": typeof types.AccessTenantCapacityDocument,
    "query AccessTenantAutoClaimPolicies { tenant { id autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }": typeof types.AccessTenantAutoClaimPoliciesDocument,
    "query AccessTenantLicenseRequests { tenant { id licenseRequests(first: 5) { totalCount nodes { id status } } } }": typeof types.AccessTenantLicenseRequestsDocument,
    "query AccessTenantProvisioningTokens { tenant { id provisioningTokens { id hint } } }": typeof types.AccessTenantProvisioningTokensDocument,
    "query AccessOperationsUser($id: ID!) { user(id: $id) { id displayName } }": typeof types.AccessOperationsUserDocument,
    "query AccessOperationsUser2($id: ID!) { user(id: $id) { id displayName } }": typeof types.AccessOperationsUser2Document,
    "query AccessOperationsSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }": typeof types.AccessOperationsSecurityGroupDocument,
    "query AccessOperationsBot($id: ID!) { bot(id: $id) { id name } }": typeof types.AccessOperationsBotDocument,
    "query AccessOperationsBot2($id: ID!) { bot(id: $id) { id name } }": typeof types.AccessOperationsBot2Document,
    "query AccessOperationsAuditEvents { auditEvents(first: 5) { totalCount nodes { id action } } }": typeof types.AccessOperationsAuditEventsDocument,
    "query AccessOperationsPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }": typeof types.AccessOperationsPreviewGroupLicenseAssignmentDocument,
    "query AccessOperationsPreviewGroupLicenseRemoval($g: ID!, $s: ID!) { previewGroupLicenseRemoval(groupId: $g, skuId: $s) { wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id } } }": typeof types.AccessOperationsPreviewGroupLicenseRemovalDocument,
    "mutation AccessCreateProvisioningToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id } } }": typeof types.AccessCreateProvisioningTokenDocument,
    "mutation AccessTokenToRevoke { createProvisioningToken(input: { description: \"to revoke\" }) { provisioningToken { id } } }": typeof types.AccessTokenToRevokeDocument,
    "mutation AccessRevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }": typeof types.AccessRevokeProvisioningTokenDocument,
    "mutation AccessOperationsUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }": typeof types.AccessOperationsUpdateTenantSettingsDocument,
    "mutation AccessOperationsUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }": typeof types.AccessOperationsUpdateSecurityGroupDocument,
    "mutation AccessOperationsAssignLicensesToUsers($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }": typeof types.AccessOperationsAssignLicensesToUsersDocument,
    "mutation AccessOperationsReclaimLicenses($input: ReclaimLicensesInput!) { reclaimLicenses(input: $input) { reclaimed { id } skipped { id } } }": typeof types.AccessOperationsReclaimLicensesDocument,
    "mutation AccessOperationsStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state error expiresAt sku { id } } }": typeof types.AccessOperationsStartTrialDocument,
    "query RowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }": typeof types.RowCacheW1Document,
    "query RowCacheRead { tenant { users(first: 1) { totalCount } } }": typeof types.RowCacheReadDocument,
    "query RowCacheMe { me { id roles } }": typeof types.RowCacheMeDocument,
    "query RowCacheTenant { tenant { allowAdHocSubscriptions licenses { sku { partNumber } prepaidUnits { enabled } } } }": typeof types.RowCacheTenantDocument,
    "mutation RowCacheSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }": typeof types.RowCacheSettingsDocument,
    "query AccessTokensMe { me { id } }": typeof types.AccessTokensMeDocument,
    "query AccessTokensSkus { skus { id } }": typeof types.AccessTokensSkusDocument,
    "mutation AuditEveryMutationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }": typeof types.AuditEveryMutationUpdateSecurityGroupDocument,
    "query AuditEveryMutationTenant { tenant { allowAdHocSubscriptions } }": typeof types.AuditEveryMutationTenantDocument,
    "mutation AuditEveryMutationUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id } }": typeof types.AuditEveryMutationUpdateTenantSettingsDocument,
    "query AuditTargetNames($targetId: ID) {\n  auditEvents(first: 100, targetId: $targetId) { nodes { id action targetId targetDisplayName } }\n}": typeof types.AuditTargetNamesDocument,
    "query AuditDateRange($from: DateTime, $to: DateTime, $action: String) {\n  auditEvents(first: 100, from: $from, to: $to, action: $action) { totalCount nodes { action targetDisplayName at } }\n}": typeof types.AuditDateRangeDocument,
    "mutation AuditTargetNameRenameGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }": typeof types.AuditTargetNameRenameGroupDocument,
    "query BatchingPage($first: Int!) { tenant { users(first: $first) { totalCount nodes {\n  id canCreateBots\n  effectiveLicenses { sku { id } state sources { kind group { id } via { id } } }\n  licenseAssignmentStates { state assignedByGroup { id } via { id } }\n  memberOf { id } transitiveMemberOf { id } bots { id }\n} } } }": typeof types.BatchingPageDocument,
    "query BatchingTenant { tenant { licenses { consumedUnits } } }": typeof types.BatchingTenantDocument,
    "mutation BatchingUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: true }) { id } }": typeof types.BatchingUpdateTenantSettingsDocument,
    "mutation BatchingChangeGroupLicense($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }": typeof types.BatchingChangeGroupLicenseDocument,
    "query ConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount } } }": typeof types.ConcurrencyTenantDocument,
    "query CrashSkus { skus { id partNumber } }": typeof types.CrashSkusDocument,
    "query CrashSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1) { totalCount } } }": typeof types.CrashSecurityGroupDocument,
    "query DrainSkus { skus { id partNumber } }": typeof types.DrainSkusDocument,
    "query GroupsRemovalPreview($g: ID!, $s: ID!) {\n  previewGroupLicenseRemoval(groupId: $g, skuId: $s) {\n    group { id } sku { partNumber } wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id }\n  }\n}": typeof types.GroupsRemovalPreviewDocument,
    "query HttpGroupCount { tenant { securityGroups { totalCount } } }": typeof types.HttpGroupCountDocument,
    "query LifecycleSubs { tenant { hasActiveTenantLicense subscriptions(includeInactive: true) { id status isTrial channel quantity endsAt sku { partNumber } } } }": typeof types.LifecycleSubsDocument,
    "query LifecycleStates($id: ID!) { user(id: $id) { effectiveLicenses { sku { partNumber } state error holdsSeat } canCreateBots } }": typeof types.LifecycleStatesDocument,
    "query LifecycleTenant { tenant { subscriptions { id } } }": typeof types.LifecycleTenantDocument,
    "mutation LifecycleTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { sku { partNumber } state error holdsSeat expiresAt sources { kind } enabledPlans { name } } }": typeof types.LifecycleTrialDocument,
    "mutation LifecycleUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: false }) { allowAdHocSubscriptions } }": typeof types.LifecycleUpdateTenantSettingsDocument,
    "query LifecycleTenant2($s: ID!) { tenant { users(filter: { skuId: $s }) { nodes { id } } } }": typeof types.LifecycleTenant2Document,
    "query LifecycleTenant3 { tenant { users(filter: { licenseState: ACTIVE }) { nodes { id } } } }": typeof types.LifecycleTenant3Document,
    "query LifecycleTenant4 { tenant { users(filter: { licenseState: DISABLED }) { nodes { id } } } }": typeof types.LifecycleTenant4Document,
    "query LifecycleCapacity($p: String) { tenant { capacity(period: $p) { period purchased consumed remaining overage byBot { bot { id } billedSessions } } } }": typeof types.LifecycleCapacityDocument,
    "query LifecycleBot($id: ID!) { bot(id: $id) { march: billedSessions(period: \"2026-03\") april: billedSessions(period: \"2026-04\") } }": typeof types.LifecycleBotDocument,
    "query LifecycleTenant5 { tenant { displayName } }": typeof types.LifecycleTenant5Document,
    "query MultiInstanceSkus { skus { id partNumber } }": typeof types.MultiInstanceSkusDocument,
    "query MultiInstanceMe { me { canCreateBots } }": typeof types.MultiInstanceMeDocument,
    "query MultiInstanceMe2 { me { canCreateBots } }": typeof types.MultiInstanceMe2Document,
    "query MultiInstanceBot($id: ID!) { bot(id: $id) { id owner { id } } }": typeof types.MultiInstanceBotDocument,
    "query OptimizationDrainMe { me { id lastActivityAt } }": typeof types.OptimizationDrainMeDocument,
    "query OptimizationMe { me { id lastActivityAt reclaimWarningAt } }": typeof types.OptimizationMeDocument,
    "query OptimizationUser($id: ID!) { user(id: $id) { id lastActivityAt reclaimWarningAt } }": typeof types.OptimizationUserDocument,
    "mutation OptimizationSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim } }": typeof types.OptimizationSettingsDocument,
    "query OptimizationTenant { tenant { id inactiveAfterDays autoReclaim } }": typeof types.OptimizationTenantDocument,
    "query OptimizationInactive($sku: ID!, $first: Int, $after: String) {\n  tenant { inactiveLicenseHolders(skuId: $sku, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor }\n    nodes { user { id } lastActivityAt reclaimable throughGroups { id displayName } reclaimWarningAt }\n  } }\n}": typeof types.OptimizationInactiveDocument,
    "mutation OptimizationReclaim($input: ReclaimLicensesInput!) {\n  reclaimLicenses(input: $input) { reclaimed { id } skipped { id } tenantLicense { consumedUnits availableUnits unassignedDemand } }\n}": typeof types.OptimizationReclaimDocument,
    "query OptimizationEvents($action: String) { auditEvents(first: 100, action: $action) { totalCount nodes { action targetId details actor { id } } } }": typeof types.OptimizationEventsDocument,
    "query UsageHistory($sku: ID!, $from: String!, $to: String!) {\n  tenant { licenseUsageHistory(skuId: $sku, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n}": typeof types.UsageHistoryDocument,
    "query UsageActivityMe { me { id } }": typeof types.UsageActivityMeDocument,
    "query PgConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount nodes { effectiveLicenses { error } } } } }": typeof types.PgConcurrencyTenantDocument,
    "mutation RequestsRequestLicense($input: RequestLicenseInput!) {\n  requestLicense(input: $input) { id status justification fromAutoClaim createdAt sku { partNumber } requester { id } }\n}": typeof types.RequestsRequestLicenseDocument,
    "mutation RequestsCancel($id: ID!) { cancelLicenseRequest(id: $id) { id status decidedAt decidedBy { id } } }": typeof types.RequestsCancelDocument,
    "mutation RequestsApprove($input: ApproveLicenseRequestInput!) {\n  approveLicenseRequest(input: $input) { id status decidedAt decidedBy { id } grantedThroughGroup { id } }\n}": typeof types.RequestsApproveDocument,
    "mutation RequestsDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status reason decidedBy { id } } }": typeof types.RequestsDenyDocument,
    "query RequestsList($status: LicenseRequestStatus, $skuId: ID, $first: Int, $after: String) {\n  tenant { licenseRequests(status: $status, skuId: $skuId, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } nodes { id status requester { id } sku { id } }\n  } }\n}": typeof types.RequestsListDocument,
    "query RequestsMine { me { id licenseRequests { id status reason } } }": typeof types.RequestsMineDocument,
    "query RequestsOfUser($id: ID!) { user(id: $id) { licenseRequests { id status } } }": typeof types.RequestsOfUserDocument,
    "query RequestsNode($id: ID!) { node(id: $id) { id ... on LicenseRequest { status } } }": typeof types.RequestsNodeDocument,
    "mutation RequestsSetPolicy($input: SetAutoClaimPolicyInput!) {\n  setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id } }\n}": typeof types.RequestsSetPolicyDocument,
    "query RequestsPolicies { tenant { autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }": typeof types.RequestsPoliciesDocument,
    "mutation RequestsClaim($skuId: ID!) {\n  claimLicense(skuId: $skuId) { license { state error holdsSeat sku { partNumber } sources { kind } } request { id status fromAutoClaim } }\n}": typeof types.RequestsClaimDocument,
    "query RequestsMembers($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }": typeof types.RequestsMembersDocument,
    "query RowCacheInstancesRead { tenant { users(first: 1) { totalCount } } }": typeof types.RowCacheInstancesReadDocument,
    "query RowCacheInstancesMe { me { id } }": typeof types.RowCacheInstancesMeDocument,
    "query RowCacheInstancesW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }": typeof types.RowCacheInstancesW1Document,
    "query RowCacheInstancesRoles { me { id roles } }": typeof types.RowCacheInstancesRolesDocument,
    "query RowCacheInstancesFlag { tenant { allowAdHocSubscriptions } }": typeof types.RowCacheInstancesFlagDocument,
    "query RowCacheInstancesSkus { skus { id partNumber } }": typeof types.RowCacheInstancesSkusDocument,
    "mutation RowCacheInstancesSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }": typeof types.RowCacheInstancesSettingsDocument,
    "query SecurityMe { me { id } }": typeof types.SecurityMeDocument,
    "query SecurityCapacity { tenant { capacity { consumed } } }": typeof types.SecurityCapacityDocument,
    "query SecurityIntrospection { __schema { queryType { name } } }": typeof types.SecurityIntrospectionDocument,
    "mutation SnapshotStartTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }": typeof types.SnapshotStartTrialDocument,
    "mutation TenantCreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions } admin { id userPrincipalName displayName roles accountEnabled } }\n}": typeof types.TenantCreateTenantDocument,
    "mutation TenantCreateTenantFull($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions createdAt hasActiveTenantLicense } admin { id roles } }\n}": typeof types.TenantCreateTenantFullDocument,
    "query TenantFlags { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }": typeof types.TenantFlagsDocument,
    "query TenantSubscriptions($all: Boolean) { tenant { subscriptions(includeInactive: $all) { id quantity status sku { partNumber } } } }": typeof types.TenantSubscriptionsDocument,
    "query TenantLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }": typeof types.TenantLicensesDocument,
    "mutation TenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }": typeof types.TenantSettingsDocument,
    "query TenantAuditCount { auditEvents(first: 1) { totalCount } }": typeof types.TenantAuditCountDocument,
    "query TenantMe { me { id roles userPrincipalName } }": typeof types.TenantMeDocument,
    "query TenantTenant { tenant { displayName allowAdHocSubscriptions hasActiveTenantLicense } }": typeof types.TenantTenantDocument,
    "mutation TenantCreateTenant2 { createTenant(input: { displayName: \"P\", adminUserPrincipalName: \"a@p.example\", adminDisplayName: \"A\" }) {\n      tenant { hasActiveTenantLicense } admin { canCreateBots effectiveLicenses { state } memberOf { id } } } }": typeof types.TenantCreateTenant2Document,
    "query TenantUser($id: ID!) { user(id: $id) { id } }": typeof types.TenantUserDocument,
    "query ThrottleMe { me { canCreateBots } }": typeof types.ThrottleMeDocument,
    "query ThrottleRate { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }": typeof types.ThrottleRateDocument,
    "query ThrottleDoc1 { tenant { users(first: 500) { nodes { id displayName roles } } } }": typeof types.ThrottleDoc1Document,
    "mutation UsageLocationDoc1($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id defaultUsageLocation } }": typeof types.UsageLocationDoc1Document,
    "query UsageLocationDoc2($id: ID!) { user(id: $id) { usageLocation effectiveUsageLocation } }": typeof types.UsageLocationDoc2Document,
    "mutation UsageLocationDoc3($input: UpdateUserInput!) { updateUser(input: $input) { id usageLocation effectiveUsageLocation } }": typeof types.UsageLocationDoc3Document,
    "mutation UsageLocationDoc4($input: CreateUserInput!) { createUser(input: $input) { id usageLocation effectiveUsageLocation } }": typeof types.UsageLocationDoc4Document,
    "query UsageLocationDoc5 { tenant { defaultUsageLocation } }": typeof types.UsageLocationDoc5Document,
    "mutation UsageLocationDoc6($input: CreateTenantInput!) { createTenant(input: $input) { tenant { defaultUsageLocation } } }": typeof types.UsageLocationDoc6Document,
    "query UsageLocationDoc7 { tenant { defaultUsageLocation } }": typeof types.UsageLocationDoc7Document,
    "query UsageLocationDoc8 { skus { partNumber unavailableInCountries } }": typeof types.UsageLocationDoc8Document,
    "query UsersBadInputMe { me { userPrincipalName } }": typeof types.UsersBadInputMeDocument,
    "mutation UsersBulkLicenses($input: AssignLicensesToUsersInput!) {\n  assignLicensesToUsers(input: $input) { id effectiveLicenses { sku { partNumber } state sources { kind } } }\n}": typeof types.UsersBulkLicensesDocument,
    "query UsersBulkLicensesEvents { auditEvents(first: 100, action: \"ASSIGN_USER_LICENSE\") { totalCount nodes { targetId targetDisplayName details } } }": typeof types.UsersBulkLicensesEventsDocument,
    "mutation UsersBulkLicensesIds($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }": typeof types.UsersBulkLicensesIdsDocument,
    "query UsersLastAdminTenant { tenant { users(first: 10) { nodes { roles accountEnabled } } } }": typeof types.UsersLastAdminTenantDocument,
    "query UsersLicenseFilters($f: UserFilter, $first: Int) {\n  tenant { users(first: $first, filter: $f) { totalCount nodes { id canCreateBots effectiveLicenses { state } } } }\n}": typeof types.UsersLicenseFiltersDocument,
    "mutation UsersLicenseFiltersTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }": typeof types.UsersLicenseFiltersTrialDocument,
    "query UsersListSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1001) { totalCount } } }": typeof types.UsersListSecurityGroupDocument,
    "query UsersListSecurityGroup2($id: ID!) { securityGroup(id: $id) { transitiveMembers(first: 1001) { totalCount } } }": typeof types.UsersListSecurityGroup2Document,
    "query BenchRowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }": typeof types.BenchRowCacheW1Document,
    "mutation ConsoleAdminStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }": typeof types.ConsoleAdminStartTrialDocument,
    "query ConsoleAdminTenantSettings { tenant { id defaultUsageLocation seatAlertThreshold allowAdHocSubscriptions } }": typeof types.ConsoleAdminTenantSettingsDocument,
    "query ConsoleAdminSubscriptions { tenant { subscriptions(includeInactive: true) { id quantity status channel orderId sku { partNumber } } } }": typeof types.ConsoleAdminSubscriptionsDocument,
    "query ConsoleDailyMe { me { userPrincipalName } }": typeof types.ConsoleDailyMeDocument,
    "query ConsoleDailyGroup($id: ID!) { securityGroup(id: $id) { id displayName members { nodes { id } } memberGroups { id } } }": typeof types.ConsoleDailyGroupDocument,
    "query ConsoleDailySubscriptions { tenant { subscriptions(includeInactive: true) { id quantity sku { partNumber } } } }": typeof types.ConsoleDailySubscriptionsDocument,
    "mutation ConsoleDailyToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token } }": typeof types.ConsoleDailyTokenDocument,
    "query ConsoleOptimizationMe { me { userPrincipalName } }": typeof types.ConsoleOptimizationMeDocument,
    "mutation ConsoleOptimizationAsk($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }": typeof types.ConsoleOptimizationAskDocument,
    "query ConsoleOptimizationRequests { tenant { licenseRequests(first: 50) { nodes { status reason requester { id } grantedThroughGroup { id } } } } }": typeof types.ConsoleOptimizationRequestsDocument,
    "query ConsoleOptimizationPolicies { tenant { inactiveAfterDays autoReclaim autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }": typeof types.ConsoleOptimizationPoliciesDocument,
    "query ConsoleE2eSubscriptions { tenant { subscriptions { id sku { partNumber } } } }": typeof types.ConsoleE2eSubscriptionsDocument,
    "query ConsoleE2eUserCount { tenant { users(first: 1) { totalCount } } }": typeof types.ConsoleE2eUserCountDocument,
    "query AuditEvents($first: Int, $after: String, $action: String, $targetId: ID) {\n  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { cursor node { id action targetId details at actor { id } } }\n    nodes { id }\n  }\n}": typeof types.AuditEventsDocument,
    "query DirectoryGroup($id: ID!) { securityGroup(id: $id) {\n  id displayName description\n  members(first: 1000) { totalCount nodes { id } }\n  memberGroups { id } memberOf { id }\n  transitiveMembers(first: 1000) { totalCount nodes { id } }\n} }": typeof types.DirectoryGroupDocument,
    "query DirectoryUser($id: ID!) { user(id: $id) { id displayName accountEnabled roles memberOf { id } transitiveMemberOf { id } } }": typeof types.DirectoryUserDocument,
    "query DirectoryUsers($first: Int, $after: String, $filter: UserFilter) { tenant { users(first: $first, after: $after, filter: $filter) {\n  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id userPrincipalName displayName }\n} } }": typeof types.DirectoryUsersDocument,
    "query DirectoryNode($id: ID!) { node(id: $id) { id } }": typeof types.DirectoryNodeDocument,
    "query DirectoryMe { me { id roles accountEnabled } }": typeof types.DirectoryMeDocument,
    "mutation DirectoryUpdateGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }": typeof types.DirectoryUpdateGroupDocument,
    "mutation DirectoryCreateUserFull($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName displayName roles accountEnabled } }": typeof types.DirectoryCreateUserFullDocument,
    "query EngineStates($id: ID!) { user(id: $id) { id licenseAssignmentStates { sku { partNumber } assignedByGroup { id } via { id } disabledPlans { id name } state error } } }": typeof types.EngineStatesDocument,
    "query EngineEngineUsers($f: UserFilter) { tenant { users(first: 200, filter: $f) { totalCount nodes { id } } } }": typeof types.EngineEngineUsersDocument,
    "query EngineGroupErrors($id: ID!) { securityGroup(id: $id) { id hasMembersWithLicenseErrors membersWithLicenseErrors(first: 100) { totalCount nodes { id } } } }": typeof types.EngineGroupErrorsDocument,
    "query EnginePreview($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { group { id } sku { partNumber } newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }": typeof types.EnginePreviewDocument,
    "query EngineSkus { skus { id partNumber servicePlans { id name } } }": typeof types.EngineSkusDocument,
    "query EngineMeId { me { id } }": typeof types.EngineMeIdDocument,
    "mutation FixturesCreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id displayName } admin { id roles } } }": typeof types.FixturesCreateTenantDocument,
    "mutation FixturesCreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName roles accountEnabled } }": typeof types.FixturesCreateUserDocument,
    "mutation FixturesUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id roles accountEnabled displayName } }": typeof types.FixturesUpdateUserDocument,
    "mutation FixturesDeleteUser($id: ID!) { deleteUser(id: $id) }": typeof types.FixturesDeleteUserDocument,
    "mutation FixturesCreateGroup($input: CreateSecurityGroupInput!) { createSecurityGroup(input: $input) { id displayName } }": typeof types.FixturesCreateGroupDocument,
    "mutation FixturesDeleteGroup($id: ID!) { deleteSecurityGroup(id: $id) }": typeof types.FixturesDeleteGroupDocument,
    "mutation FixturesAddMembers($input: GroupMembersInput!) { addGroupMembers(input: $input) { id } }": typeof types.FixturesAddMembersDocument,
    "mutation FixturesRemoveMembers($input: GroupMembersInput!) { removeGroupMembers(input: $input) { id } }": typeof types.FixturesRemoveMembersDocument,
    "mutation FixturesPurchase($input: PurchaseLicensesInput!) { purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status sku { partNumber } } } }": typeof types.FixturesPurchaseDocument,
    "mutation FixturesUpdateQuantity($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity } }": typeof types.FixturesUpdateQuantityDocument,
    "mutation FixturesCancel($id: ID!) { cancelSubscription(id: $id) { id status } }": typeof types.FixturesCancelDocument,
    "mutation FixturesAssignUser($input: AssignUserLicensesInput!) { assignUserLicenses(input: $input) { id } }": typeof types.FixturesAssignUserDocument,
    "mutation FixturesAssignGroup($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }": typeof types.FixturesAssignGroupDocument,
    "query FixturesLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits unassignedDemand } } }": typeof types.FixturesLicensesDocument,
    "query FixturesEffective($id: ID!) { user(id: $id) { id canCreateBots effectiveLicenses { sku { partNumber } state error holdsSeat enabledPlans { name } sources { kind group { id } via { id } } expiresAt } } }": typeof types.FixturesEffectiveDocument,
    "mutation FixturesCreateBot($input: CreateBotInput!) { createBot(input: $input) { id name owner { id } } }": typeof types.FixturesCreateBotDocument,
    "mutation FixturesUpdateBot($input: UpdateBotInput!) { updateBot(input: $input) { id name published owner { id } } }": typeof types.FixturesUpdateBotDocument,
    "mutation FixturesDeleteBot($id: ID!) { deleteBot(id: $id) }": typeof types.FixturesDeleteBotDocument,
    "mutation FixturesRecord($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions } }": typeof types.FixturesRecordDocument,
    "query FixturesAudit($action: String, $targetId: ID) { auditEvents(first: 100, action: $action, targetId: $targetId) { totalCount nodes { action targetId details actor { id } } } }": typeof types.FixturesAuditDocument,
    "query InvariantsUsersPage($first: Int!, $after: String) { tenant { users(first: $first, after: $after) {\n  pageInfo { hasNextPage endCursor }\n  nodes { id effectiveLicenses { sku { id } state error holdsSeat } } } } }": typeof types.InvariantsUsersPageDocument,
    "query InvariantsLicenses { tenant { licenses { sku { id } prepaidUnits { enabled warning } consumedUnits availableUnits unassignedDemand } } }": typeof types.InvariantsLicensesDocument,
    "query PrincipalsTenant { tenant { subscriptions { id } } }": typeof types.PrincipalsTenantDocument,
    "query PrincipalsAuditEvents { auditEvents(first: 1) { nodes { id } } }": typeof types.PrincipalsAuditEventsDocument,
    "mutation PurchasesPurchase($input: PurchaseLicensesInput!) {\n  purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status orderId isTrial endsAt sku { id partNumber } } }\n}": typeof types.PurchasesPurchaseDocument,
    "query PurchasesSubs($all: Boolean) {\n  tenant { hasActiveTenantLicense subscriptions(includeInactive: $all) { id quantity channel status orderId endsAt sku { id partNumber } } }\n}": typeof types.PurchasesSubsDocument,
    "query PurchasesLicenses { tenant { licenses { sku { id partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }": typeof types.PurchasesLicensesDocument,
    "query PurchasesAudit($action: String) { auditEvents(first: 1000, action: $action) { totalCount nodes { id action targetId details actor { id } } } }": typeof types.PurchasesAuditDocument,
    "mutation PurchasesUpdateQty($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity status } }": typeof types.PurchasesUpdateQtyDocument,
    "mutation PurchasesCancel($id: ID!) { cancelSubscription(id: $id) { id status quantity } }": typeof types.PurchasesCancelDocument,
    "query TwoTenantsAuditEvents { auditEvents(first: 1) { nodes { id } } }": typeof types.TwoTenantsAuditEventsDocument,
    "query GuardMe { me { canCreateBots } }": typeof types.GuardMeDocument,
    "query GuardRate { rateLimit { currentlyAvailable } }": typeof types.GuardRateDocument,
    "query LiveAuditCreateGroup { auditEvents(first: 8, action: \"CREATE_GROUP\") { nodes { id } } }": typeof types.LiveAuditCreateGroupDocument,
    "query LiveMe { me { id } }": typeof types.LiveMeDocument,
    "query LiveLowOnSeats { tenant { seatAlertThreshold licenses { sku { partNumber } availableUnits unassignedDemand lowOnSeats } } }": typeof types.LiveLowOnSeatsDocument,
    "mutation LiveThresholdOne { updateTenantSettings(input: { seatAlertThreshold: 1 }) { seatAlertThreshold allowAdHocSubscriptions } }": typeof types.LiveThresholdOneDocument,
    "mutation LiveThresholdZero { updateTenantSettings(input: { seatAlertThreshold: 0 }) { seatAlertThreshold } }": typeof types.LiveThresholdZeroDocument,
    "mutation LiveThresholdNegative { updateTenantSettings(input: { seatAlertThreshold: -1 }) { id } }": typeof types.LiveThresholdNegativeDocument,
    "mutation RequestsLiveRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }": typeof types.RequestsLiveRequestDocument,
    "mutation RequestsLiveDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id } }": typeof types.RequestsLiveDenyDocument,
    "mutation RequestsLiveApprove($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id } }": typeof types.RequestsLiveApproveDocument,
    "query GroupsDoc1($id: ID!) { securityGroup(id: $id) { source transitiveMembers(first: 10) { nodes { id } } } }": typeof types.GroupsDoc1Document,
    "mutation GroupsDoc2($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }": typeof types.GroupsDoc2Document,
    "mutation GroupsDoc3($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }": typeof types.GroupsDoc3Document,
    "mutation ScimRequestsRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }": typeof types.ScimRequestsRequestDocument,
    "query ScimRequestsList { tenant { licenseRequests { nodes { id status requester { id deletedAt } } } } }": typeof types.ScimRequestsListDocument,
    "query ScimRequestsNode($id: ID!) { node(id: $id) { id } }": typeof types.ScimRequestsNodeDocument,
    "mutation ScimClientDoc1($input: CreateProvisioningTokenInput!) {\n  createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id description hint createdAt expiresAt lastUsedAt } } }": typeof types.ScimClientDoc1Document,
    "query TokensDoc1 { tenant { provisioningTokens { id description hint createdAt expiresAt lastUsedAt } } }": typeof types.TokensDoc1Document,
    "mutation TokensDoc2($id: ID!) { revokeProvisioningToken(id: $id) }": typeof types.TokensDoc2Document,
    "query UserRulesAccount($id: ID!) { user(id: $id) { accountEnabled source } }": typeof types.UserRulesAccountDocument,
    "query UsersDoc1($id: ID!) { user(id: $id) { userPrincipalName displayName accountEnabled roles usageLocation source externalId } }": typeof types.UsersDoc1Document,
    "query UsersDoc2($id: ID!) { user(id: $id) { usageLocation } }": typeof types.UsersDoc2Document,
    "query UsersDeletedOwner($id: ID!, $bot: ID!) { user(id: $id) { id deletedAt accountEnabled memberOf { id } effectiveLicenses { state } } bot(id: $bot) { needsNewOwner owner { id } } }": typeof types.UsersDeletedOwnerDocument,
    "query UsersDoc3($d: Boolean) { tenant { users(first: 100, filter: { includeDeleted: $d }) { nodes { id } } } }": typeof types.UsersDoc3Document,
    "query UsersDoc4 { me { id } }": typeof types.UsersDoc4Document,
    "mutation UsersDoc5($input: UpdateUserInput!) { updateUser(input: $input) { id roles usageLocation } }": typeof types.UsersDoc5Document,
    "query UsersDoc6($id: ID!) { user(id: $id) { source } }": typeof types.UsersDoc6Document,
};
const documents: Documents = {
    "query AnswerCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state error holdsSeat expiresAt sources { kind via { id } } } } }": types.AnswerCacheW1Document,
    "query AnswerCacheRoles { me { id roles accountEnabled } }": types.AnswerCacheRolesDocument,
    "query AnswerCacheWithRate { me { id } rateLimit { currentlyAvailable } }": types.AnswerCacheWithRateDocument,
    "mutation AnswerCacheTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }": types.AnswerCacheTrialDocument,
    "query AccessBotsAndIdentityBot($id: ID!) { bot(id: $id) { id } }": types.AccessBotsAndIdentityBotDocument,
    "query AccessBotsAndIdentityUser($id: ID!) { user(id: $id) { userPrincipalName } }": types.AccessBotsAndIdentityUserDocument,
    "mutation AccessBotsAndIdentityRecordBotSessions($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions\n           owner { id userPrincipalName roles canCreateBots memberOf { displayName } effectiveLicenses { state sku { partNumber } } } } }": types.AccessBotsAndIdentityRecordBotSessionsDocument,
    "query AccessBotsAndIdentityAuditEvents { auditEvents { totalCount } }": types.AccessBotsAndIdentityAuditEventsDocument,
    "query AccessIsolationUserSecurityGroupBot($u: ID!, $g: ID!, $b: ID!) { user(id: $u) { id } securityGroup(id: $g) { id } bot(id: $b) { id } }": types.AccessIsolationUserSecurityGroupBotDocument,
    "query AccessIsolationUser($id: ID!) { user(id: $id) { id displayName } }": types.AccessIsolationUserDocument,
    "query AccessIsolationSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }": types.AccessIsolationSecurityGroupDocument,
    "query AccessIsolationBot($id: ID!) { bot(id: $id) { id name } }": types.AccessIsolationBotDocument,
    "query AccessIsolationTenantAuditEvents { tenant { users(first: 1000) { nodes { id } } securityGroups(first: 1000) { nodes { id } } bots(first: 1000) { nodes { id } }\n           subscriptions(includeInactive: true) { id } capacity { consumed byBot { bot { id } } } }\n           auditEvents(first: 1000) { nodes { id targetId } } }": types.AccessIsolationTenantAuditEventsDocument,
    "query AccessIsolationByGroup($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }": types.AccessIsolationByGroupDocument,
    "mutation AccessIsolationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }": types.AccessIsolationUpdateSecurityGroupDocument,
    "query AccessIsolationPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded } }": types.AccessIsolationPreviewGroupLicenseAssignmentDocument,
    "query AccessOperationsNode($id: ID!) { node(id: $id) { id __typename } }": types.AccessOperationsNodeDocument,
    "query AccessTenantInactiveHolders($sku: ID!) { tenant { id inactiveLicenseHolders(skuId: $sku) { totalCount nodes { user { id } } } } }": types.AccessTenantInactiveHoldersDocument,
    "mutation AccessOperationsRequestLicense($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }": types.AccessOperationsRequestLicenseDocument,
    "mutation AccessOperationsCancelLicenseRequest($id: ID!) { cancelLicenseRequest(id: $id) { id status } }": types.AccessOperationsCancelLicenseRequestDocument,
    "mutation AccessOperationsApproveLicenseRequest($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id status } }": types.AccessOperationsApproveLicenseRequestDocument,
    "mutation AccessOperationsDenyLicenseRequest($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status } }": types.AccessOperationsDenyLicenseRequestDocument,
    "mutation AccessOperationsSetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) { setAutoClaimPolicy(input: $input) { enabled } }": types.AccessOperationsSetAutoClaimPolicyDocument,
    "mutation AccessOperationsClaimLicense($skuId: ID!) { claimLicense(skuId: $skuId) { license { state } request { id } } }": types.AccessOperationsClaimLicenseDocument,
    "query AccessOperationsSkus { skus { id partNumber servicePlans { name } } }": types.AccessOperationsSkusDocument,
    "query AccessOperationsRateLimit { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }": types.AccessOperationsRateLimitDocument,
    "query AccessOperationsMe { me { id userPrincipalName roles canCreateBots } }": types.AccessOperationsMeDocument,
    "query AccessOperationsTenant { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }": types.AccessOperationsTenantDocument,
    "query AccessTenantUsers { tenant { id users(first: 5) { totalCount nodes { id } } } }": types.AccessTenantUsersDocument,
    "query AccessTenantSecurityGroups { tenant { id securityGroups(first: 5) { totalCount nodes { id } } } }": types.AccessTenantSecurityGroupsDocument,
    "query AccessTenantSubscriptions { tenant { id subscriptions { id quantity } } }": types.AccessTenantSubscriptionsDocument,
    "query AccessTenantLicenses { tenant { id licenses { consumedUnits availableUnits } } }": types.AccessTenantLicensesDocument,
    "query AccessTenantBots { tenant { id bots(first: 5) { totalCount nodes { id } } } }": types.AccessTenantBotsDocument,
    "query AccessTenantCapacity { tenant { id capacity { period purchased consumed } } }": types.AccessTenantCapacityDocument,
    "query AccessTenantAutoClaimPolicies { tenant { id autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }": types.AccessTenantAutoClaimPoliciesDocument,
    "query AccessTenantLicenseRequests { tenant { id licenseRequests(first: 5) { totalCount nodes { id status } } } }": types.AccessTenantLicenseRequestsDocument,
    "query AccessTenantProvisioningTokens { tenant { id provisioningTokens { id hint } } }": types.AccessTenantProvisioningTokensDocument,
    "query AccessOperationsUser($id: ID!) { user(id: $id) { id displayName } }": types.AccessOperationsUserDocument,
    "query AccessOperationsUser2($id: ID!) { user(id: $id) { id displayName } }": types.AccessOperationsUser2Document,
    "query AccessOperationsSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }": types.AccessOperationsSecurityGroupDocument,
    "query AccessOperationsBot($id: ID!) { bot(id: $id) { id name } }": types.AccessOperationsBotDocument,
    "query AccessOperationsBot2($id: ID!) { bot(id: $id) { id name } }": types.AccessOperationsBot2Document,
    "query AccessOperationsAuditEvents { auditEvents(first: 5) { totalCount nodes { id action } } }": types.AccessOperationsAuditEventsDocument,
    "query AccessOperationsPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }": types.AccessOperationsPreviewGroupLicenseAssignmentDocument,
    "query AccessOperationsPreviewGroupLicenseRemoval($g: ID!, $s: ID!) { previewGroupLicenseRemoval(groupId: $g, skuId: $s) { wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id } } }": types.AccessOperationsPreviewGroupLicenseRemovalDocument,
    "mutation AccessCreateProvisioningToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id } } }": types.AccessCreateProvisioningTokenDocument,
    "mutation AccessTokenToRevoke { createProvisioningToken(input: { description: \"to revoke\" }) { provisioningToken { id } } }": types.AccessTokenToRevokeDocument,
    "mutation AccessRevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }": types.AccessRevokeProvisioningTokenDocument,
    "mutation AccessOperationsUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }": types.AccessOperationsUpdateTenantSettingsDocument,
    "mutation AccessOperationsUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }": types.AccessOperationsUpdateSecurityGroupDocument,
    "mutation AccessOperationsAssignLicensesToUsers($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }": types.AccessOperationsAssignLicensesToUsersDocument,
    "mutation AccessOperationsReclaimLicenses($input: ReclaimLicensesInput!) { reclaimLicenses(input: $input) { reclaimed { id } skipped { id } } }": types.AccessOperationsReclaimLicensesDocument,
    "mutation AccessOperationsStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state error expiresAt sku { id } } }": types.AccessOperationsStartTrialDocument,
    "query RowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }": types.RowCacheW1Document,
    "query RowCacheRead { tenant { users(first: 1) { totalCount } } }": types.RowCacheReadDocument,
    "query RowCacheMe { me { id roles } }": types.RowCacheMeDocument,
    "query RowCacheTenant { tenant { allowAdHocSubscriptions licenses { sku { partNumber } prepaidUnits { enabled } } } }": types.RowCacheTenantDocument,
    "mutation RowCacheSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }": types.RowCacheSettingsDocument,
    "query AccessTokensMe { me { id } }": types.AccessTokensMeDocument,
    "query AccessTokensSkus { skus { id } }": types.AccessTokensSkusDocument,
    "mutation AuditEveryMutationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }": types.AuditEveryMutationUpdateSecurityGroupDocument,
    "query AuditEveryMutationTenant { tenant { allowAdHocSubscriptions } }": types.AuditEveryMutationTenantDocument,
    "mutation AuditEveryMutationUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id } }": types.AuditEveryMutationUpdateTenantSettingsDocument,
    "query AuditTargetNames($targetId: ID) {\n  auditEvents(first: 100, targetId: $targetId) { nodes { id action targetId targetDisplayName } }\n}": types.AuditTargetNamesDocument,
    "query AuditDateRange($from: DateTime, $to: DateTime, $action: String) {\n  auditEvents(first: 100, from: $from, to: $to, action: $action) { totalCount nodes { action targetDisplayName at } }\n}": types.AuditDateRangeDocument,
    "mutation AuditTargetNameRenameGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }": types.AuditTargetNameRenameGroupDocument,
    "query BatchingPage($first: Int!) { tenant { users(first: $first) { totalCount nodes {\n  id canCreateBots\n  effectiveLicenses { sku { id } state sources { kind group { id } via { id } } }\n  licenseAssignmentStates { state assignedByGroup { id } via { id } }\n  memberOf { id } transitiveMemberOf { id } bots { id }\n} } } }": types.BatchingPageDocument,
    "query BatchingTenant { tenant { licenses { consumedUnits } } }": types.BatchingTenantDocument,
    "mutation BatchingUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: true }) { id } }": types.BatchingUpdateTenantSettingsDocument,
    "mutation BatchingChangeGroupLicense($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }": types.BatchingChangeGroupLicenseDocument,
    "query ConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount } } }": types.ConcurrencyTenantDocument,
    "query CrashSkus { skus { id partNumber } }": types.CrashSkusDocument,
    "query CrashSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1) { totalCount } } }": types.CrashSecurityGroupDocument,
    "query DrainSkus { skus { id partNumber } }": types.DrainSkusDocument,
    "query GroupsRemovalPreview($g: ID!, $s: ID!) {\n  previewGroupLicenseRemoval(groupId: $g, skuId: $s) {\n    group { id } sku { partNumber } wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id }\n  }\n}": types.GroupsRemovalPreviewDocument,
    "query HttpGroupCount { tenant { securityGroups { totalCount } } }": types.HttpGroupCountDocument,
    "query LifecycleSubs { tenant { hasActiveTenantLicense subscriptions(includeInactive: true) { id status isTrial channel quantity endsAt sku { partNumber } } } }": types.LifecycleSubsDocument,
    "query LifecycleStates($id: ID!) { user(id: $id) { effectiveLicenses { sku { partNumber } state error holdsSeat } canCreateBots } }": types.LifecycleStatesDocument,
    "query LifecycleTenant { tenant { subscriptions { id } } }": types.LifecycleTenantDocument,
    "mutation LifecycleTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { sku { partNumber } state error holdsSeat expiresAt sources { kind } enabledPlans { name } } }": types.LifecycleTrialDocument,
    "mutation LifecycleUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: false }) { allowAdHocSubscriptions } }": types.LifecycleUpdateTenantSettingsDocument,
    "query LifecycleTenant2($s: ID!) { tenant { users(filter: { skuId: $s }) { nodes { id } } } }": types.LifecycleTenant2Document,
    "query LifecycleTenant3 { tenant { users(filter: { licenseState: ACTIVE }) { nodes { id } } } }": types.LifecycleTenant3Document,
    "query LifecycleTenant4 { tenant { users(filter: { licenseState: DISABLED }) { nodes { id } } } }": types.LifecycleTenant4Document,
    "query LifecycleCapacity($p: String) { tenant { capacity(period: $p) { period purchased consumed remaining overage byBot { bot { id } billedSessions } } } }": types.LifecycleCapacityDocument,
    "query LifecycleBot($id: ID!) { bot(id: $id) { march: billedSessions(period: \"2026-03\") april: billedSessions(period: \"2026-04\") } }": types.LifecycleBotDocument,
    "query LifecycleTenant5 { tenant { displayName } }": types.LifecycleTenant5Document,
    "query MultiInstanceSkus { skus { id partNumber } }": types.MultiInstanceSkusDocument,
    "query MultiInstanceMe { me { canCreateBots } }": types.MultiInstanceMeDocument,
    "query MultiInstanceMe2 { me { canCreateBots } }": types.MultiInstanceMe2Document,
    "query MultiInstanceBot($id: ID!) { bot(id: $id) { id owner { id } } }": types.MultiInstanceBotDocument,
    "query OptimizationDrainMe { me { id lastActivityAt } }": types.OptimizationDrainMeDocument,
    "query OptimizationMe { me { id lastActivityAt reclaimWarningAt } }": types.OptimizationMeDocument,
    "query OptimizationUser($id: ID!) { user(id: $id) { id lastActivityAt reclaimWarningAt } }": types.OptimizationUserDocument,
    "mutation OptimizationSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim } }": types.OptimizationSettingsDocument,
    "query OptimizationTenant { tenant { id inactiveAfterDays autoReclaim } }": types.OptimizationTenantDocument,
    "query OptimizationInactive($sku: ID!, $first: Int, $after: String) {\n  tenant { inactiveLicenseHolders(skuId: $sku, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor }\n    nodes { user { id } lastActivityAt reclaimable throughGroups { id displayName } reclaimWarningAt }\n  } }\n}": types.OptimizationInactiveDocument,
    "mutation OptimizationReclaim($input: ReclaimLicensesInput!) {\n  reclaimLicenses(input: $input) { reclaimed { id } skipped { id } tenantLicense { consumedUnits availableUnits unassignedDemand } }\n}": types.OptimizationReclaimDocument,
    "query OptimizationEvents($action: String) { auditEvents(first: 100, action: $action) { totalCount nodes { action targetId details actor { id } } } }": types.OptimizationEventsDocument,
    "query UsageHistory($sku: ID!, $from: String!, $to: String!) {\n  tenant { licenseUsageHistory(skuId: $sku, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n}": types.UsageHistoryDocument,
    "query UsageActivityMe { me { id } }": types.UsageActivityMeDocument,
    "query PgConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount nodes { effectiveLicenses { error } } } } }": types.PgConcurrencyTenantDocument,
    "mutation RequestsRequestLicense($input: RequestLicenseInput!) {\n  requestLicense(input: $input) { id status justification fromAutoClaim createdAt sku { partNumber } requester { id } }\n}": types.RequestsRequestLicenseDocument,
    "mutation RequestsCancel($id: ID!) { cancelLicenseRequest(id: $id) { id status decidedAt decidedBy { id } } }": types.RequestsCancelDocument,
    "mutation RequestsApprove($input: ApproveLicenseRequestInput!) {\n  approveLicenseRequest(input: $input) { id status decidedAt decidedBy { id } grantedThroughGroup { id } }\n}": types.RequestsApproveDocument,
    "mutation RequestsDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status reason decidedBy { id } } }": types.RequestsDenyDocument,
    "query RequestsList($status: LicenseRequestStatus, $skuId: ID, $first: Int, $after: String) {\n  tenant { licenseRequests(status: $status, skuId: $skuId, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } nodes { id status requester { id } sku { id } }\n  } }\n}": types.RequestsListDocument,
    "query RequestsMine { me { id licenseRequests { id status reason } } }": types.RequestsMineDocument,
    "query RequestsOfUser($id: ID!) { user(id: $id) { licenseRequests { id status } } }": types.RequestsOfUserDocument,
    "query RequestsNode($id: ID!) { node(id: $id) { id ... on LicenseRequest { status } } }": types.RequestsNodeDocument,
    "mutation RequestsSetPolicy($input: SetAutoClaimPolicyInput!) {\n  setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id } }\n}": types.RequestsSetPolicyDocument,
    "query RequestsPolicies { tenant { autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }": types.RequestsPoliciesDocument,
    "mutation RequestsClaim($skuId: ID!) {\n  claimLicense(skuId: $skuId) { license { state error holdsSeat sku { partNumber } sources { kind } } request { id status fromAutoClaim } }\n}": types.RequestsClaimDocument,
    "query RequestsMembers($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }": types.RequestsMembersDocument,
    "query RowCacheInstancesRead { tenant { users(first: 1) { totalCount } } }": types.RowCacheInstancesReadDocument,
    "query RowCacheInstancesMe { me { id } }": types.RowCacheInstancesMeDocument,
    "query RowCacheInstancesW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }": types.RowCacheInstancesW1Document,
    "query RowCacheInstancesRoles { me { id roles } }": types.RowCacheInstancesRolesDocument,
    "query RowCacheInstancesFlag { tenant { allowAdHocSubscriptions } }": types.RowCacheInstancesFlagDocument,
    "query RowCacheInstancesSkus { skus { id partNumber } }": types.RowCacheInstancesSkusDocument,
    "mutation RowCacheInstancesSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }": types.RowCacheInstancesSettingsDocument,
    "query SecurityMe { me { id } }": types.SecurityMeDocument,
    "query SecurityCapacity { tenant { capacity { consumed } } }": types.SecurityCapacityDocument,
    "query SecurityIntrospection { __schema { queryType { name } } }": types.SecurityIntrospectionDocument,
    "mutation SnapshotStartTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }": types.SnapshotStartTrialDocument,
    "mutation TenantCreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions } admin { id userPrincipalName displayName roles accountEnabled } }\n}": types.TenantCreateTenantDocument,
    "mutation TenantCreateTenantFull($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions createdAt hasActiveTenantLicense } admin { id roles } }\n}": types.TenantCreateTenantFullDocument,
    "query TenantFlags { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }": types.TenantFlagsDocument,
    "query TenantSubscriptions($all: Boolean) { tenant { subscriptions(includeInactive: $all) { id quantity status sku { partNumber } } } }": types.TenantSubscriptionsDocument,
    "query TenantLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }": types.TenantLicensesDocument,
    "mutation TenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }": types.TenantSettingsDocument,
    "query TenantAuditCount { auditEvents(first: 1) { totalCount } }": types.TenantAuditCountDocument,
    "query TenantMe { me { id roles userPrincipalName } }": types.TenantMeDocument,
    "query TenantTenant { tenant { displayName allowAdHocSubscriptions hasActiveTenantLicense } }": types.TenantTenantDocument,
    "mutation TenantCreateTenant2 { createTenant(input: { displayName: \"P\", adminUserPrincipalName: \"a@p.example\", adminDisplayName: \"A\" }) {\n      tenant { hasActiveTenantLicense } admin { canCreateBots effectiveLicenses { state } memberOf { id } } } }": types.TenantCreateTenant2Document,
    "query TenantUser($id: ID!) { user(id: $id) { id } }": types.TenantUserDocument,
    "query ThrottleMe { me { canCreateBots } }": types.ThrottleMeDocument,
    "query ThrottleRate { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }": types.ThrottleRateDocument,
    "query ThrottleDoc1 { tenant { users(first: 500) { nodes { id displayName roles } } } }": types.ThrottleDoc1Document,
    "mutation UsageLocationDoc1($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id defaultUsageLocation } }": types.UsageLocationDoc1Document,
    "query UsageLocationDoc2($id: ID!) { user(id: $id) { usageLocation effectiveUsageLocation } }": types.UsageLocationDoc2Document,
    "mutation UsageLocationDoc3($input: UpdateUserInput!) { updateUser(input: $input) { id usageLocation effectiveUsageLocation } }": types.UsageLocationDoc3Document,
    "mutation UsageLocationDoc4($input: CreateUserInput!) { createUser(input: $input) { id usageLocation effectiveUsageLocation } }": types.UsageLocationDoc4Document,
    "query UsageLocationDoc5 { tenant { defaultUsageLocation } }": types.UsageLocationDoc5Document,
    "mutation UsageLocationDoc6($input: CreateTenantInput!) { createTenant(input: $input) { tenant { defaultUsageLocation } } }": types.UsageLocationDoc6Document,
    "query UsageLocationDoc7 { tenant { defaultUsageLocation } }": types.UsageLocationDoc7Document,
    "query UsageLocationDoc8 { skus { partNumber unavailableInCountries } }": types.UsageLocationDoc8Document,
    "query UsersBadInputMe { me { userPrincipalName } }": types.UsersBadInputMeDocument,
    "mutation UsersBulkLicenses($input: AssignLicensesToUsersInput!) {\n  assignLicensesToUsers(input: $input) { id effectiveLicenses { sku { partNumber } state sources { kind } } }\n}": types.UsersBulkLicensesDocument,
    "query UsersBulkLicensesEvents { auditEvents(first: 100, action: \"ASSIGN_USER_LICENSE\") { totalCount nodes { targetId targetDisplayName details } } }": types.UsersBulkLicensesEventsDocument,
    "mutation UsersBulkLicensesIds($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }": types.UsersBulkLicensesIdsDocument,
    "query UsersLastAdminTenant { tenant { users(first: 10) { nodes { roles accountEnabled } } } }": types.UsersLastAdminTenantDocument,
    "query UsersLicenseFilters($f: UserFilter, $first: Int) {\n  tenant { users(first: $first, filter: $f) { totalCount nodes { id canCreateBots effectiveLicenses { state } } } }\n}": types.UsersLicenseFiltersDocument,
    "mutation UsersLicenseFiltersTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }": types.UsersLicenseFiltersTrialDocument,
    "query UsersListSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1001) { totalCount } } }": types.UsersListSecurityGroupDocument,
    "query UsersListSecurityGroup2($id: ID!) { securityGroup(id: $id) { transitiveMembers(first: 1001) { totalCount } } }": types.UsersListSecurityGroup2Document,
    "query BenchRowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }": types.BenchRowCacheW1Document,
    "mutation ConsoleAdminStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }": types.ConsoleAdminStartTrialDocument,
    "query ConsoleAdminTenantSettings { tenant { id defaultUsageLocation seatAlertThreshold allowAdHocSubscriptions } }": types.ConsoleAdminTenantSettingsDocument,
    "query ConsoleAdminSubscriptions { tenant { subscriptions(includeInactive: true) { id quantity status channel orderId sku { partNumber } } } }": types.ConsoleAdminSubscriptionsDocument,
    "query ConsoleDailyMe { me { userPrincipalName } }": types.ConsoleDailyMeDocument,
    "query ConsoleDailyGroup($id: ID!) { securityGroup(id: $id) { id displayName members { nodes { id } } memberGroups { id } } }": types.ConsoleDailyGroupDocument,
    "query ConsoleDailySubscriptions { tenant { subscriptions(includeInactive: true) { id quantity sku { partNumber } } } }": types.ConsoleDailySubscriptionsDocument,
    "mutation ConsoleDailyToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token } }": types.ConsoleDailyTokenDocument,
    "query ConsoleOptimizationMe { me { userPrincipalName } }": types.ConsoleOptimizationMeDocument,
    "mutation ConsoleOptimizationAsk($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }": types.ConsoleOptimizationAskDocument,
    "query ConsoleOptimizationRequests { tenant { licenseRequests(first: 50) { nodes { status reason requester { id } grantedThroughGroup { id } } } } }": types.ConsoleOptimizationRequestsDocument,
    "query ConsoleOptimizationPolicies { tenant { inactiveAfterDays autoReclaim autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }": types.ConsoleOptimizationPoliciesDocument,
    "query ConsoleE2eSubscriptions { tenant { subscriptions { id sku { partNumber } } } }": types.ConsoleE2eSubscriptionsDocument,
    "query ConsoleE2eUserCount { tenant { users(first: 1) { totalCount } } }": types.ConsoleE2eUserCountDocument,
    "query AuditEvents($first: Int, $after: String, $action: String, $targetId: ID) {\n  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { cursor node { id action targetId details at actor { id } } }\n    nodes { id }\n  }\n}": types.AuditEventsDocument,
    "query DirectoryGroup($id: ID!) { securityGroup(id: $id) {\n  id displayName description\n  members(first: 1000) { totalCount nodes { id } }\n  memberGroups { id } memberOf { id }\n  transitiveMembers(first: 1000) { totalCount nodes { id } }\n} }": types.DirectoryGroupDocument,
    "query DirectoryUser($id: ID!) { user(id: $id) { id displayName accountEnabled roles memberOf { id } transitiveMemberOf { id } } }": types.DirectoryUserDocument,
    "query DirectoryUsers($first: Int, $after: String, $filter: UserFilter) { tenant { users(first: $first, after: $after, filter: $filter) {\n  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id userPrincipalName displayName }\n} } }": types.DirectoryUsersDocument,
    "query DirectoryNode($id: ID!) { node(id: $id) { id } }": types.DirectoryNodeDocument,
    "query DirectoryMe { me { id roles accountEnabled } }": types.DirectoryMeDocument,
    "mutation DirectoryUpdateGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }": types.DirectoryUpdateGroupDocument,
    "mutation DirectoryCreateUserFull($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName displayName roles accountEnabled } }": types.DirectoryCreateUserFullDocument,
    "query EngineStates($id: ID!) { user(id: $id) { id licenseAssignmentStates { sku { partNumber } assignedByGroup { id } via { id } disabledPlans { id name } state error } } }": types.EngineStatesDocument,
    "query EngineEngineUsers($f: UserFilter) { tenant { users(first: 200, filter: $f) { totalCount nodes { id } } } }": types.EngineEngineUsersDocument,
    "query EngineGroupErrors($id: ID!) { securityGroup(id: $id) { id hasMembersWithLicenseErrors membersWithLicenseErrors(first: 100) { totalCount nodes { id } } } }": types.EngineGroupErrorsDocument,
    "query EnginePreview($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { group { id } sku { partNumber } newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }": types.EnginePreviewDocument,
    "query EngineSkus { skus { id partNumber servicePlans { id name } } }": types.EngineSkusDocument,
    "query EngineMeId { me { id } }": types.EngineMeIdDocument,
    "mutation FixturesCreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id displayName } admin { id roles } } }": types.FixturesCreateTenantDocument,
    "mutation FixturesCreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName roles accountEnabled } }": types.FixturesCreateUserDocument,
    "mutation FixturesUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id roles accountEnabled displayName } }": types.FixturesUpdateUserDocument,
    "mutation FixturesDeleteUser($id: ID!) { deleteUser(id: $id) }": types.FixturesDeleteUserDocument,
    "mutation FixturesCreateGroup($input: CreateSecurityGroupInput!) { createSecurityGroup(input: $input) { id displayName } }": types.FixturesCreateGroupDocument,
    "mutation FixturesDeleteGroup($id: ID!) { deleteSecurityGroup(id: $id) }": types.FixturesDeleteGroupDocument,
    "mutation FixturesAddMembers($input: GroupMembersInput!) { addGroupMembers(input: $input) { id } }": types.FixturesAddMembersDocument,
    "mutation FixturesRemoveMembers($input: GroupMembersInput!) { removeGroupMembers(input: $input) { id } }": types.FixturesRemoveMembersDocument,
    "mutation FixturesPurchase($input: PurchaseLicensesInput!) { purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status sku { partNumber } } } }": types.FixturesPurchaseDocument,
    "mutation FixturesUpdateQuantity($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity } }": types.FixturesUpdateQuantityDocument,
    "mutation FixturesCancel($id: ID!) { cancelSubscription(id: $id) { id status } }": types.FixturesCancelDocument,
    "mutation FixturesAssignUser($input: AssignUserLicensesInput!) { assignUserLicenses(input: $input) { id } }": types.FixturesAssignUserDocument,
    "mutation FixturesAssignGroup($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }": types.FixturesAssignGroupDocument,
    "query FixturesLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits unassignedDemand } } }": types.FixturesLicensesDocument,
    "query FixturesEffective($id: ID!) { user(id: $id) { id canCreateBots effectiveLicenses { sku { partNumber } state error holdsSeat enabledPlans { name } sources { kind group { id } via { id } } expiresAt } } }": types.FixturesEffectiveDocument,
    "mutation FixturesCreateBot($input: CreateBotInput!) { createBot(input: $input) { id name owner { id } } }": types.FixturesCreateBotDocument,
    "mutation FixturesUpdateBot($input: UpdateBotInput!) { updateBot(input: $input) { id name published owner { id } } }": types.FixturesUpdateBotDocument,
    "mutation FixturesDeleteBot($id: ID!) { deleteBot(id: $id) }": types.FixturesDeleteBotDocument,
    "mutation FixturesRecord($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions } }": types.FixturesRecordDocument,
    "query FixturesAudit($action: String, $targetId: ID) { auditEvents(first: 100, action: $action, targetId: $targetId) { totalCount nodes { action targetId details actor { id } } } }": types.FixturesAuditDocument,
    "query InvariantsUsersPage($first: Int!, $after: String) { tenant { users(first: $first, after: $after) {\n  pageInfo { hasNextPage endCursor }\n  nodes { id effectiveLicenses { sku { id } state error holdsSeat } } } } }": types.InvariantsUsersPageDocument,
    "query InvariantsLicenses { tenant { licenses { sku { id } prepaidUnits { enabled warning } consumedUnits availableUnits unassignedDemand } } }": types.InvariantsLicensesDocument,
    "query PrincipalsTenant { tenant { subscriptions { id } } }": types.PrincipalsTenantDocument,
    "query PrincipalsAuditEvents { auditEvents(first: 1) { nodes { id } } }": types.PrincipalsAuditEventsDocument,
    "mutation PurchasesPurchase($input: PurchaseLicensesInput!) {\n  purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status orderId isTrial endsAt sku { id partNumber } } }\n}": types.PurchasesPurchaseDocument,
    "query PurchasesSubs($all: Boolean) {\n  tenant { hasActiveTenantLicense subscriptions(includeInactive: $all) { id quantity channel status orderId endsAt sku { id partNumber } } }\n}": types.PurchasesSubsDocument,
    "query PurchasesLicenses { tenant { licenses { sku { id partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }": types.PurchasesLicensesDocument,
    "query PurchasesAudit($action: String) { auditEvents(first: 1000, action: $action) { totalCount nodes { id action targetId details actor { id } } } }": types.PurchasesAuditDocument,
    "mutation PurchasesUpdateQty($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity status } }": types.PurchasesUpdateQtyDocument,
    "mutation PurchasesCancel($id: ID!) { cancelSubscription(id: $id) { id status quantity } }": types.PurchasesCancelDocument,
    "query TwoTenantsAuditEvents { auditEvents(first: 1) { nodes { id } } }": types.TwoTenantsAuditEventsDocument,
    "query GuardMe { me { canCreateBots } }": types.GuardMeDocument,
    "query GuardRate { rateLimit { currentlyAvailable } }": types.GuardRateDocument,
    "query LiveAuditCreateGroup { auditEvents(first: 8, action: \"CREATE_GROUP\") { nodes { id } } }": types.LiveAuditCreateGroupDocument,
    "query LiveMe { me { id } }": types.LiveMeDocument,
    "query LiveLowOnSeats { tenant { seatAlertThreshold licenses { sku { partNumber } availableUnits unassignedDemand lowOnSeats } } }": types.LiveLowOnSeatsDocument,
    "mutation LiveThresholdOne { updateTenantSettings(input: { seatAlertThreshold: 1 }) { seatAlertThreshold allowAdHocSubscriptions } }": types.LiveThresholdOneDocument,
    "mutation LiveThresholdZero { updateTenantSettings(input: { seatAlertThreshold: 0 }) { seatAlertThreshold } }": types.LiveThresholdZeroDocument,
    "mutation LiveThresholdNegative { updateTenantSettings(input: { seatAlertThreshold: -1 }) { id } }": types.LiveThresholdNegativeDocument,
    "mutation RequestsLiveRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }": types.RequestsLiveRequestDocument,
    "mutation RequestsLiveDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id } }": types.RequestsLiveDenyDocument,
    "mutation RequestsLiveApprove($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id } }": types.RequestsLiveApproveDocument,
    "query GroupsDoc1($id: ID!) { securityGroup(id: $id) { source transitiveMembers(first: 10) { nodes { id } } } }": types.GroupsDoc1Document,
    "mutation GroupsDoc2($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }": types.GroupsDoc2Document,
    "mutation GroupsDoc3($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }": types.GroupsDoc3Document,
    "mutation ScimRequestsRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }": types.ScimRequestsRequestDocument,
    "query ScimRequestsList { tenant { licenseRequests { nodes { id status requester { id deletedAt } } } } }": types.ScimRequestsListDocument,
    "query ScimRequestsNode($id: ID!) { node(id: $id) { id } }": types.ScimRequestsNodeDocument,
    "mutation ScimClientDoc1($input: CreateProvisioningTokenInput!) {\n  createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id description hint createdAt expiresAt lastUsedAt } } }": types.ScimClientDoc1Document,
    "query TokensDoc1 { tenant { provisioningTokens { id description hint createdAt expiresAt lastUsedAt } } }": types.TokensDoc1Document,
    "mutation TokensDoc2($id: ID!) { revokeProvisioningToken(id: $id) }": types.TokensDoc2Document,
    "query UserRulesAccount($id: ID!) { user(id: $id) { accountEnabled source } }": types.UserRulesAccountDocument,
    "query UsersDoc1($id: ID!) { user(id: $id) { userPrincipalName displayName accountEnabled roles usageLocation source externalId } }": types.UsersDoc1Document,
    "query UsersDoc2($id: ID!) { user(id: $id) { usageLocation } }": types.UsersDoc2Document,
    "query UsersDeletedOwner($id: ID!, $bot: ID!) { user(id: $id) { id deletedAt accountEnabled memberOf { id } effectiveLicenses { state } } bot(id: $bot) { needsNewOwner owner { id } } }": types.UsersDeletedOwnerDocument,
    "query UsersDoc3($d: Boolean) { tenant { users(first: 100, filter: { includeDeleted: $d }) { nodes { id } } } }": types.UsersDoc3Document,
    "query UsersDoc4 { me { id } }": types.UsersDoc4Document,
    "mutation UsersDoc5($input: UpdateUserInput!) { updateUser(input: $input) { id roles usageLocation } }": types.UsersDoc5Document,
    "query UsersDoc6($id: ID!) { user(id: $id) { source } }": types.UsersDoc6Document,
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
export function graphql(source: "query AnswerCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state error holdsSeat expiresAt sources { kind via { id } } } } }"): (typeof documents)["query AnswerCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state error holdsSeat expiresAt sources { kind via { id } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AnswerCacheRoles { me { id roles accountEnabled } }"): (typeof documents)["query AnswerCacheRoles { me { id roles accountEnabled } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AnswerCacheWithRate { me { id } rateLimit { currentlyAvailable } }"): (typeof documents)["query AnswerCacheWithRate { me { id } rateLimit { currentlyAvailable } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AnswerCacheTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }"): (typeof documents)["mutation AnswerCacheTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessBotsAndIdentityBot($id: ID!) { bot(id: $id) { id } }"): (typeof documents)["query AccessBotsAndIdentityBot($id: ID!) { bot(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessBotsAndIdentityUser($id: ID!) { user(id: $id) { userPrincipalName } }"): (typeof documents)["query AccessBotsAndIdentityUser($id: ID!) { user(id: $id) { userPrincipalName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessBotsAndIdentityRecordBotSessions($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions\n           owner { id userPrincipalName roles canCreateBots memberOf { displayName } effectiveLicenses { state sku { partNumber } } } } }"): (typeof documents)["mutation AccessBotsAndIdentityRecordBotSessions($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions\n           owner { id userPrincipalName roles canCreateBots memberOf { displayName } effectiveLicenses { state sku { partNumber } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessBotsAndIdentityAuditEvents { auditEvents { totalCount } }"): (typeof documents)["query AccessBotsAndIdentityAuditEvents { auditEvents { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessIsolationUserSecurityGroupBot($u: ID!, $g: ID!, $b: ID!) { user(id: $u) { id } securityGroup(id: $g) { id } bot(id: $b) { id } }"): (typeof documents)["query AccessIsolationUserSecurityGroupBot($u: ID!, $g: ID!, $b: ID!) { user(id: $u) { id } securityGroup(id: $g) { id } bot(id: $b) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessIsolationUser($id: ID!) { user(id: $id) { id displayName } }"): (typeof documents)["query AccessIsolationUser($id: ID!) { user(id: $id) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessIsolationSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }"): (typeof documents)["query AccessIsolationSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessIsolationBot($id: ID!) { bot(id: $id) { id name } }"): (typeof documents)["query AccessIsolationBot($id: ID!) { bot(id: $id) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessIsolationTenantAuditEvents { tenant { users(first: 1000) { nodes { id } } securityGroups(first: 1000) { nodes { id } } bots(first: 1000) { nodes { id } }\n           subscriptions(includeInactive: true) { id } capacity { consumed byBot { bot { id } } } }\n           auditEvents(first: 1000) { nodes { id targetId } } }"): (typeof documents)["query AccessIsolationTenantAuditEvents { tenant { users(first: 1000) { nodes { id } } securityGroups(first: 1000) { nodes { id } } bots(first: 1000) { nodes { id } }\n           subscriptions(includeInactive: true) { id } capacity { consumed byBot { bot { id } } } }\n           auditEvents(first: 1000) { nodes { id targetId } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessIsolationByGroup($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }"): (typeof documents)["query AccessIsolationByGroup($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessIsolationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }"): (typeof documents)["mutation AccessIsolationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessIsolationPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded } }"): (typeof documents)["query AccessIsolationPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsNode($id: ID!) { node(id: $id) { id __typename } }"): (typeof documents)["query AccessOperationsNode($id: ID!) { node(id: $id) { id __typename } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantInactiveHolders($sku: ID!) { tenant { id inactiveLicenseHolders(skuId: $sku) { totalCount nodes { user { id } } } } }"): (typeof documents)["query AccessTenantInactiveHolders($sku: ID!) { tenant { id inactiveLicenseHolders(skuId: $sku) { totalCount nodes { user { id } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsRequestLicense($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }"): (typeof documents)["mutation AccessOperationsRequestLicense($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsCancelLicenseRequest($id: ID!) { cancelLicenseRequest(id: $id) { id status } }"): (typeof documents)["mutation AccessOperationsCancelLicenseRequest($id: ID!) { cancelLicenseRequest(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsApproveLicenseRequest($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id status } }"): (typeof documents)["mutation AccessOperationsApproveLicenseRequest($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsDenyLicenseRequest($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status } }"): (typeof documents)["mutation AccessOperationsDenyLicenseRequest($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsSetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) { setAutoClaimPolicy(input: $input) { enabled } }"): (typeof documents)["mutation AccessOperationsSetAutoClaimPolicy($input: SetAutoClaimPolicyInput!) { setAutoClaimPolicy(input: $input) { enabled } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsClaimLicense($skuId: ID!) { claimLicense(skuId: $skuId) { license { state } request { id } } }"): (typeof documents)["mutation AccessOperationsClaimLicense($skuId: ID!) { claimLicense(skuId: $skuId) { license { state } request { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsSkus { skus { id partNumber servicePlans { name } } }"): (typeof documents)["query AccessOperationsSkus { skus { id partNumber servicePlans { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsRateLimit { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }"): (typeof documents)["query AccessOperationsRateLimit { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsMe { me { id userPrincipalName roles canCreateBots } }"): (typeof documents)["query AccessOperationsMe { me { id userPrincipalName roles canCreateBots } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsTenant { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }"): (typeof documents)["query AccessOperationsTenant { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantUsers { tenant { id users(first: 5) { totalCount nodes { id } } } }"): (typeof documents)["query AccessTenantUsers { tenant { id users(first: 5) { totalCount nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantSecurityGroups { tenant { id securityGroups(first: 5) { totalCount nodes { id } } } }"): (typeof documents)["query AccessTenantSecurityGroups { tenant { id securityGroups(first: 5) { totalCount nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantSubscriptions { tenant { id subscriptions { id quantity } } }"): (typeof documents)["query AccessTenantSubscriptions { tenant { id subscriptions { id quantity } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantLicenses { tenant { id licenses { consumedUnits availableUnits } } }"): (typeof documents)["query AccessTenantLicenses { tenant { id licenses { consumedUnits availableUnits } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantBots { tenant { id bots(first: 5) { totalCount nodes { id } } } }"): (typeof documents)["query AccessTenantBots { tenant { id bots(first: 5) { totalCount nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantCapacity { tenant { id capacity { period purchased consumed } } }"): (typeof documents)["query AccessTenantCapacity { tenant { id capacity { period purchased consumed } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantAutoClaimPolicies { tenant { id autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }"): (typeof documents)["query AccessTenantAutoClaimPolicies { tenant { id autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantLicenseRequests { tenant { id licenseRequests(first: 5) { totalCount nodes { id status } } } }"): (typeof documents)["query AccessTenantLicenseRequests { tenant { id licenseRequests(first: 5) { totalCount nodes { id status } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTenantProvisioningTokens { tenant { id provisioningTokens { id hint } } }"): (typeof documents)["query AccessTenantProvisioningTokens { tenant { id provisioningTokens { id hint } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsUser($id: ID!) { user(id: $id) { id displayName } }"): (typeof documents)["query AccessOperationsUser($id: ID!) { user(id: $id) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsUser2($id: ID!) { user(id: $id) { id displayName } }"): (typeof documents)["query AccessOperationsUser2($id: ID!) { user(id: $id) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }"): (typeof documents)["query AccessOperationsSecurityGroup($id: ID!) { securityGroup(id: $id) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsBot($id: ID!) { bot(id: $id) { id name } }"): (typeof documents)["query AccessOperationsBot($id: ID!) { bot(id: $id) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsBot2($id: ID!) { bot(id: $id) { id name } }"): (typeof documents)["query AccessOperationsBot2($id: ID!) { bot(id: $id) { id name } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsAuditEvents { auditEvents(first: 5) { totalCount nodes { id action } } }"): (typeof documents)["query AccessOperationsAuditEvents { auditEvents(first: 5) { totalCount nodes { id action } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }"): (typeof documents)["query AccessOperationsPreviewGroupLicenseAssignment($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessOperationsPreviewGroupLicenseRemoval($g: ID!, $s: ID!) { previewGroupLicenseRemoval(groupId: $g, skuId: $s) { wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id } } }"): (typeof documents)["query AccessOperationsPreviewGroupLicenseRemoval($g: ID!, $s: ID!) { previewGroupLicenseRemoval(groupId: $g, skuId: $s) { wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessCreateProvisioningToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id } } }"): (typeof documents)["mutation AccessCreateProvisioningToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessTokenToRevoke { createProvisioningToken(input: { description: \"to revoke\" }) { provisioningToken { id } } }"): (typeof documents)["mutation AccessTokenToRevoke { createProvisioningToken(input: { description: \"to revoke\" }) { provisioningToken { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessRevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }"): (typeof documents)["mutation AccessRevokeProvisioningToken($id: ID!) { revokeProvisioningToken(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }"): (typeof documents)["mutation AccessOperationsUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }"): (typeof documents)["mutation AccessOperationsUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsAssignLicensesToUsers($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }"): (typeof documents)["mutation AccessOperationsAssignLicensesToUsers($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsReclaimLicenses($input: ReclaimLicensesInput!) { reclaimLicenses(input: $input) { reclaimed { id } skipped { id } } }"): (typeof documents)["mutation AccessOperationsReclaimLicenses($input: ReclaimLicensesInput!) { reclaimLicenses(input: $input) { reclaimed { id } skipped { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AccessOperationsStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state error expiresAt sku { id } } }"): (typeof documents)["mutation AccessOperationsStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state error expiresAt sku { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }"): (typeof documents)["query RowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheRead { tenant { users(first: 1) { totalCount } } }"): (typeof documents)["query RowCacheRead { tenant { users(first: 1) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheMe { me { id roles } }"): (typeof documents)["query RowCacheMe { me { id roles } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheTenant { tenant { allowAdHocSubscriptions licenses { sku { partNumber } prepaidUnits { enabled } } } }"): (typeof documents)["query RowCacheTenant { tenant { allowAdHocSubscriptions licenses { sku { partNumber } prepaidUnits { enabled } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RowCacheSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }"): (typeof documents)["mutation RowCacheSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTokensMe { me { id } }"): (typeof documents)["query AccessTokensMe { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AccessTokensSkus { skus { id } }"): (typeof documents)["query AccessTokensSkus { skus { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditEveryMutationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }"): (typeof documents)["mutation AuditEveryMutationUpdateSecurityGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditEveryMutationTenant { tenant { allowAdHocSubscriptions } }"): (typeof documents)["query AuditEveryMutationTenant { tenant { allowAdHocSubscriptions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditEveryMutationUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id } }"): (typeof documents)["mutation AuditEveryMutationUpdateTenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditTargetNames($targetId: ID) {\n  auditEvents(first: 100, targetId: $targetId) { nodes { id action targetId targetDisplayName } }\n}"): (typeof documents)["query AuditTargetNames($targetId: ID) {\n  auditEvents(first: 100, targetId: $targetId) { nodes { id action targetId targetDisplayName } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditDateRange($from: DateTime, $to: DateTime, $action: String) {\n  auditEvents(first: 100, from: $from, to: $to, action: $action) { totalCount nodes { action targetDisplayName at } }\n}"): (typeof documents)["query AuditDateRange($from: DateTime, $to: DateTime, $action: String) {\n  auditEvents(first: 100, from: $from, to: $to, action: $action) { totalCount nodes { action targetDisplayName at } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AuditTargetNameRenameGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }"): (typeof documents)["mutation AuditTargetNameRenameGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BatchingPage($first: Int!) { tenant { users(first: $first) { totalCount nodes {\n  id canCreateBots\n  effectiveLicenses { sku { id } state sources { kind group { id } via { id } } }\n  licenseAssignmentStates { state assignedByGroup { id } via { id } }\n  memberOf { id } transitiveMemberOf { id } bots { id }\n} } } }"): (typeof documents)["query BatchingPage($first: Int!) { tenant { users(first: $first) { totalCount nodes {\n  id canCreateBots\n  effectiveLicenses { sku { id } state sources { kind group { id } via { id } } }\n  licenseAssignmentStates { state assignedByGroup { id } via { id } }\n  memberOf { id } transitiveMemberOf { id } bots { id }\n} } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BatchingTenant { tenant { licenses { consumedUnits } } }"): (typeof documents)["query BatchingTenant { tenant { licenses { consumedUnits } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BatchingUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: true }) { id } }"): (typeof documents)["mutation BatchingUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: true }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation BatchingChangeGroupLicense($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }"): (typeof documents)["mutation BatchingChangeGroupLicense($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount } } }"): (typeof documents)["query ConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CrashSkus { skus { id partNumber } }"): (typeof documents)["query CrashSkus { skus { id partNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CrashSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1) { totalCount } } }"): (typeof documents)["query CrashSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DrainSkus { skus { id partNumber } }"): (typeof documents)["query DrainSkus { skus { id partNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GroupsRemovalPreview($g: ID!, $s: ID!) {\n  previewGroupLicenseRemoval(groupId: $g, skuId: $s) {\n    group { id } sku { partNumber } wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id }\n  }\n}"): (typeof documents)["query GroupsRemovalPreview($g: ID!, $s: ID!) {\n  previewGroupLicenseRemoval(groupId: $g, skuId: $s) {\n    group { id } sku { partNumber } wouldLoseSeat keepThroughOtherSource wouldGetSeatNext { id } losingSeat { id }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HttpGroupCount { tenant { securityGroups { totalCount } } }"): (typeof documents)["query HttpGroupCount { tenant { securityGroups { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleSubs { tenant { hasActiveTenantLicense subscriptions(includeInactive: true) { id status isTrial channel quantity endsAt sku { partNumber } } } }"): (typeof documents)["query LifecycleSubs { tenant { hasActiveTenantLicense subscriptions(includeInactive: true) { id status isTrial channel quantity endsAt sku { partNumber } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleStates($id: ID!) { user(id: $id) { effectiveLicenses { sku { partNumber } state error holdsSeat } canCreateBots } }"): (typeof documents)["query LifecycleStates($id: ID!) { user(id: $id) { effectiveLicenses { sku { partNumber } state error holdsSeat } canCreateBots } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleTenant { tenant { subscriptions { id } } }"): (typeof documents)["query LifecycleTenant { tenant { subscriptions { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LifecycleTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { sku { partNumber } state error holdsSeat expiresAt sources { kind } enabledPlans { name } } }"): (typeof documents)["mutation LifecycleTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { sku { partNumber } state error holdsSeat expiresAt sources { kind } enabledPlans { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LifecycleUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: false }) { allowAdHocSubscriptions } }"): (typeof documents)["mutation LifecycleUpdateTenantSettings { updateTenantSettings(input: { allowAdHocSubscriptions: false }) { allowAdHocSubscriptions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleTenant2($s: ID!) { tenant { users(filter: { skuId: $s }) { nodes { id } } } }"): (typeof documents)["query LifecycleTenant2($s: ID!) { tenant { users(filter: { skuId: $s }) { nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleTenant3 { tenant { users(filter: { licenseState: ACTIVE }) { nodes { id } } } }"): (typeof documents)["query LifecycleTenant3 { tenant { users(filter: { licenseState: ACTIVE }) { nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleTenant4 { tenant { users(filter: { licenseState: DISABLED }) { nodes { id } } } }"): (typeof documents)["query LifecycleTenant4 { tenant { users(filter: { licenseState: DISABLED }) { nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleCapacity($p: String) { tenant { capacity(period: $p) { period purchased consumed remaining overage byBot { bot { id } billedSessions } } } }"): (typeof documents)["query LifecycleCapacity($p: String) { tenant { capacity(period: $p) { period purchased consumed remaining overage byBot { bot { id } billedSessions } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleBot($id: ID!) { bot(id: $id) { march: billedSessions(period: \"2026-03\") april: billedSessions(period: \"2026-04\") } }"): (typeof documents)["query LifecycleBot($id: ID!) { bot(id: $id) { march: billedSessions(period: \"2026-03\") april: billedSessions(period: \"2026-04\") } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LifecycleTenant5 { tenant { displayName } }"): (typeof documents)["query LifecycleTenant5 { tenant { displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MultiInstanceSkus { skus { id partNumber } }"): (typeof documents)["query MultiInstanceSkus { skus { id partNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MultiInstanceMe { me { canCreateBots } }"): (typeof documents)["query MultiInstanceMe { me { canCreateBots } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MultiInstanceMe2 { me { canCreateBots } }"): (typeof documents)["query MultiInstanceMe2 { me { canCreateBots } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MultiInstanceBot($id: ID!) { bot(id: $id) { id owner { id } } }"): (typeof documents)["query MultiInstanceBot($id: ID!) { bot(id: $id) { id owner { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OptimizationDrainMe { me { id lastActivityAt } }"): (typeof documents)["query OptimizationDrainMe { me { id lastActivityAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OptimizationMe { me { id lastActivityAt reclaimWarningAt } }"): (typeof documents)["query OptimizationMe { me { id lastActivityAt reclaimWarningAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OptimizationUser($id: ID!) { user(id: $id) { id lastActivityAt reclaimWarningAt } }"): (typeof documents)["query OptimizationUser($id: ID!) { user(id: $id) { id lastActivityAt reclaimWarningAt } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OptimizationSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim } }"): (typeof documents)["mutation OptimizationSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id inactiveAfterDays autoReclaim } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OptimizationTenant { tenant { id inactiveAfterDays autoReclaim } }"): (typeof documents)["query OptimizationTenant { tenant { id inactiveAfterDays autoReclaim } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OptimizationInactive($sku: ID!, $first: Int, $after: String) {\n  tenant { inactiveLicenseHolders(skuId: $sku, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor }\n    nodes { user { id } lastActivityAt reclaimable throughGroups { id displayName } reclaimWarningAt }\n  } }\n}"): (typeof documents)["query OptimizationInactive($sku: ID!, $first: Int, $after: String) {\n  tenant { inactiveLicenseHolders(skuId: $sku, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor }\n    nodes { user { id } lastActivityAt reclaimable throughGroups { id displayName } reclaimWarningAt }\n  } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OptimizationReclaim($input: ReclaimLicensesInput!) {\n  reclaimLicenses(input: $input) { reclaimed { id } skipped { id } tenantLicense { consumedUnits availableUnits unassignedDemand } }\n}"): (typeof documents)["mutation OptimizationReclaim($input: ReclaimLicensesInput!) {\n  reclaimLicenses(input: $input) { reclaimed { id } skipped { id } tenantLicense { consumedUnits availableUnits unassignedDemand } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OptimizationEvents($action: String) { auditEvents(first: 100, action: $action) { totalCount nodes { action targetId details actor { id } } } }"): (typeof documents)["query OptimizationEvents($action: String) { auditEvents(first: 100, action: $action) { totalCount nodes { action targetId details actor { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageHistory($sku: ID!, $from: String!, $to: String!) {\n  tenant { licenseUsageHistory(skuId: $sku, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n}"): (typeof documents)["query UsageHistory($sku: ID!, $from: String!, $to: String!) {\n  tenant { licenseUsageHistory(skuId: $sku, from: $from, to: $to) { date enabled warning consumed waiting activeHolders } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageActivityMe { me { id } }"): (typeof documents)["query UsageActivityMe { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PgConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount nodes { effectiveLicenses { error } } } } }"): (typeof documents)["query PgConcurrencyTenant { tenant { users(first: 100, filter: { licenseState: ERROR }) { totalCount nodes { effectiveLicenses { error } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsRequestLicense($input: RequestLicenseInput!) {\n  requestLicense(input: $input) { id status justification fromAutoClaim createdAt sku { partNumber } requester { id } }\n}"): (typeof documents)["mutation RequestsRequestLicense($input: RequestLicenseInput!) {\n  requestLicense(input: $input) { id status justification fromAutoClaim createdAt sku { partNumber } requester { id } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsCancel($id: ID!) { cancelLicenseRequest(id: $id) { id status decidedAt decidedBy { id } } }"): (typeof documents)["mutation RequestsCancel($id: ID!) { cancelLicenseRequest(id: $id) { id status decidedAt decidedBy { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsApprove($input: ApproveLicenseRequestInput!) {\n  approveLicenseRequest(input: $input) { id status decidedAt decidedBy { id } grantedThroughGroup { id } }\n}"): (typeof documents)["mutation RequestsApprove($input: ApproveLicenseRequestInput!) {\n  approveLicenseRequest(input: $input) { id status decidedAt decidedBy { id } grantedThroughGroup { id } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status reason decidedBy { id } } }"): (typeof documents)["mutation RequestsDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id status reason decidedBy { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestsList($status: LicenseRequestStatus, $skuId: ID, $first: Int, $after: String) {\n  tenant { licenseRequests(status: $status, skuId: $skuId, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } nodes { id status requester { id } sku { id } }\n  } }\n}"): (typeof documents)["query RequestsList($status: LicenseRequestStatus, $skuId: ID, $first: Int, $after: String) {\n  tenant { licenseRequests(status: $status, skuId: $skuId, first: $first, after: $after) {\n    totalCount pageInfo { hasNextPage endCursor } nodes { id status requester { id } sku { id } }\n  } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestsMine { me { id licenseRequests { id status reason } } }"): (typeof documents)["query RequestsMine { me { id licenseRequests { id status reason } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestsOfUser($id: ID!) { user(id: $id) { licenseRequests { id status } } }"): (typeof documents)["query RequestsOfUser($id: ID!) { user(id: $id) { licenseRequests { id status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestsNode($id: ID!) { node(id: $id) { id ... on LicenseRequest { status } } }"): (typeof documents)["query RequestsNode($id: ID!) { node(id: $id) { id ... on LicenseRequest { status } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsSetPolicy($input: SetAutoClaimPolicyInput!) {\n  setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id } }\n}"): (typeof documents)["mutation RequestsSetPolicy($input: SetAutoClaimPolicyInput!) {\n  setAutoClaimPolicy(input: $input) { enabled sku { id } scopeGroup { id } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestsPolicies { tenant { autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }"): (typeof documents)["query RequestsPolicies { tenant { autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsClaim($skuId: ID!) {\n  claimLicense(skuId: $skuId) { license { state error holdsSeat sku { partNumber } sources { kind } } request { id status fromAutoClaim } }\n}"): (typeof documents)["mutation RequestsClaim($skuId: ID!) {\n  claimLicense(skuId: $skuId) { license { state error holdsSeat sku { partNumber } sources { kind } } request { id status fromAutoClaim } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RequestsMembers($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }"): (typeof documents)["query RequestsMembers($g: ID!) { tenant { users(filter: { memberOfGroupId: $g }) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheInstancesRead { tenant { users(first: 1) { totalCount } } }"): (typeof documents)["query RowCacheInstancesRead { tenant { users(first: 1) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheInstancesMe { me { id } }"): (typeof documents)["query RowCacheInstancesMe { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheInstancesW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }"): (typeof documents)["query RowCacheInstancesW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheInstancesRoles { me { id roles } }"): (typeof documents)["query RowCacheInstancesRoles { me { id roles } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheInstancesFlag { tenant { allowAdHocSubscriptions } }"): (typeof documents)["query RowCacheInstancesFlag { tenant { allowAdHocSubscriptions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query RowCacheInstancesSkus { skus { id partNumber } }"): (typeof documents)["query RowCacheInstancesSkus { skus { id partNumber } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RowCacheInstancesSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }"): (typeof documents)["mutation RowCacheInstancesSettings($on: Boolean!) { updateTenantSettings(input: { allowAdHocSubscriptions: $on }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecurityMe { me { id } }"): (typeof documents)["query SecurityMe { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecurityCapacity { tenant { capacity { consumed } } }"): (typeof documents)["query SecurityCapacity { tenant { capacity { consumed } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SecurityIntrospection { __schema { queryType { name } } }"): (typeof documents)["query SecurityIntrospection { __schema { queryType { name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SnapshotStartTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }"): (typeof documents)["mutation SnapshotStartTrial($skuId: ID!) { startTrial(input: { skuId: $skuId }) { state } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TenantCreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions } admin { id userPrincipalName displayName roles accountEnabled } }\n}"): (typeof documents)["mutation TenantCreateTenant($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions } admin { id userPrincipalName displayName roles accountEnabled } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TenantCreateTenantFull($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions createdAt hasActiveTenantLicense } admin { id roles } }\n}"): (typeof documents)["mutation TenantCreateTenantFull($input: CreateTenantInput!) {\n  createTenant(input: $input) { tenant { id displayName allowAdHocSubscriptions createdAt hasActiveTenantLicense } admin { id roles } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantFlags { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }"): (typeof documents)["query TenantFlags { tenant { id displayName allowAdHocSubscriptions hasActiveTenantLicense } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantSubscriptions($all: Boolean) { tenant { subscriptions(includeInactive: $all) { id quantity status sku { partNumber } } } }"): (typeof documents)["query TenantSubscriptions($all: Boolean) { tenant { subscriptions(includeInactive: $all) { id quantity status sku { partNumber } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }"): (typeof documents)["query TenantLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }"): (typeof documents)["mutation TenantSettings($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id allowAdHocSubscriptions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantAuditCount { auditEvents(first: 1) { totalCount } }"): (typeof documents)["query TenantAuditCount { auditEvents(first: 1) { totalCount } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantMe { me { id roles userPrincipalName } }"): (typeof documents)["query TenantMe { me { id roles userPrincipalName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantTenant { tenant { displayName allowAdHocSubscriptions hasActiveTenantLicense } }"): (typeof documents)["query TenantTenant { tenant { displayName allowAdHocSubscriptions hasActiveTenantLicense } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TenantCreateTenant2 { createTenant(input: { displayName: \"P\", adminUserPrincipalName: \"a@p.example\", adminDisplayName: \"A\" }) {\n      tenant { hasActiveTenantLicense } admin { canCreateBots effectiveLicenses { state } memberOf { id } } } }"): (typeof documents)["mutation TenantCreateTenant2 { createTenant(input: { displayName: \"P\", adminUserPrincipalName: \"a@p.example\", adminDisplayName: \"A\" }) {\n      tenant { hasActiveTenantLicense } admin { canCreateBots effectiveLicenses { state } memberOf { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TenantUser($id: ID!) { user(id: $id) { id } }"): (typeof documents)["query TenantUser($id: ID!) { user(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ThrottleMe { me { canCreateBots } }"): (typeof documents)["query ThrottleMe { me { canCreateBots } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ThrottleRate { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }"): (typeof documents)["query ThrottleRate { rateLimit { maximumAvailable currentlyAvailable restoreRate requestedQueryCost } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ThrottleDoc1 { tenant { users(first: 500) { nodes { id displayName roles } } } }"): (typeof documents)["query ThrottleDoc1 { tenant { users(first: 500) { nodes { id displayName roles } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsageLocationDoc1($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id defaultUsageLocation } }"): (typeof documents)["mutation UsageLocationDoc1($input: TenantSettingsInput!) { updateTenantSettings(input: $input) { id defaultUsageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageLocationDoc2($id: ID!) { user(id: $id) { usageLocation effectiveUsageLocation } }"): (typeof documents)["query UsageLocationDoc2($id: ID!) { user(id: $id) { usageLocation effectiveUsageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsageLocationDoc3($input: UpdateUserInput!) { updateUser(input: $input) { id usageLocation effectiveUsageLocation } }"): (typeof documents)["mutation UsageLocationDoc3($input: UpdateUserInput!) { updateUser(input: $input) { id usageLocation effectiveUsageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsageLocationDoc4($input: CreateUserInput!) { createUser(input: $input) { id usageLocation effectiveUsageLocation } }"): (typeof documents)["mutation UsageLocationDoc4($input: CreateUserInput!) { createUser(input: $input) { id usageLocation effectiveUsageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageLocationDoc5 { tenant { defaultUsageLocation } }"): (typeof documents)["query UsageLocationDoc5 { tenant { defaultUsageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsageLocationDoc6($input: CreateTenantInput!) { createTenant(input: $input) { tenant { defaultUsageLocation } } }"): (typeof documents)["mutation UsageLocationDoc6($input: CreateTenantInput!) { createTenant(input: $input) { tenant { defaultUsageLocation } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageLocationDoc7 { tenant { defaultUsageLocation } }"): (typeof documents)["query UsageLocationDoc7 { tenant { defaultUsageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsageLocationDoc8 { skus { partNumber unavailableInCountries } }"): (typeof documents)["query UsageLocationDoc8 { skus { partNumber unavailableInCountries } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersBadInputMe { me { userPrincipalName } }"): (typeof documents)["query UsersBadInputMe { me { userPrincipalName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsersBulkLicenses($input: AssignLicensesToUsersInput!) {\n  assignLicensesToUsers(input: $input) { id effectiveLicenses { sku { partNumber } state sources { kind } } }\n}"): (typeof documents)["mutation UsersBulkLicenses($input: AssignLicensesToUsersInput!) {\n  assignLicensesToUsers(input: $input) { id effectiveLicenses { sku { partNumber } state sources { kind } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersBulkLicensesEvents { auditEvents(first: 100, action: \"ASSIGN_USER_LICENSE\") { totalCount nodes { targetId targetDisplayName details } } }"): (typeof documents)["query UsersBulkLicensesEvents { auditEvents(first: 100, action: \"ASSIGN_USER_LICENSE\") { totalCount nodes { targetId targetDisplayName details } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsersBulkLicensesIds($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }"): (typeof documents)["mutation UsersBulkLicensesIds($input: AssignLicensesToUsersInput!) { assignLicensesToUsers(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersLastAdminTenant { tenant { users(first: 10) { nodes { roles accountEnabled } } } }"): (typeof documents)["query UsersLastAdminTenant { tenant { users(first: 10) { nodes { roles accountEnabled } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersLicenseFilters($f: UserFilter, $first: Int) {\n  tenant { users(first: $first, filter: $f) { totalCount nodes { id canCreateBots effectiveLicenses { state } } } }\n}"): (typeof documents)["query UsersLicenseFilters($f: UserFilter, $first: Int) {\n  tenant { users(first: $first, filter: $f) { totalCount nodes { id canCreateBots effectiveLicenses { state } } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsersLicenseFiltersTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }"): (typeof documents)["mutation UsersLicenseFiltersTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersListSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1001) { totalCount } } }"): (typeof documents)["query UsersListSecurityGroup($id: ID!) { securityGroup(id: $id) { members(first: 1001) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersListSecurityGroup2($id: ID!) { securityGroup(id: $id) { transitiveMembers(first: 1001) { totalCount } } }"): (typeof documents)["query UsersListSecurityGroup2($id: ID!) { securityGroup(id: $id) { transitiveMembers(first: 1001) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query BenchRowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }"): (typeof documents)["query BenchRowCacheW1 { me { canCreateBots effectiveLicenses { sku { id } state } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleAdminStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }"): (typeof documents)["mutation ConsoleAdminStartTrial($input: StartTrialInput!) { startTrial(input: $input) { state } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleAdminTenantSettings { tenant { id defaultUsageLocation seatAlertThreshold allowAdHocSubscriptions } }"): (typeof documents)["query ConsoleAdminTenantSettings { tenant { id defaultUsageLocation seatAlertThreshold allowAdHocSubscriptions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleAdminSubscriptions { tenant { subscriptions(includeInactive: true) { id quantity status channel orderId sku { partNumber } } } }"): (typeof documents)["query ConsoleAdminSubscriptions { tenant { subscriptions(includeInactive: true) { id quantity status channel orderId sku { partNumber } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleDailyMe { me { userPrincipalName } }"): (typeof documents)["query ConsoleDailyMe { me { userPrincipalName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleDailyGroup($id: ID!) { securityGroup(id: $id) { id displayName members { nodes { id } } memberGroups { id } } }"): (typeof documents)["query ConsoleDailyGroup($id: ID!) { securityGroup(id: $id) { id displayName members { nodes { id } } memberGroups { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleDailySubscriptions { tenant { subscriptions(includeInactive: true) { id quantity sku { partNumber } } } }"): (typeof documents)["query ConsoleDailySubscriptions { tenant { subscriptions(includeInactive: true) { id quantity sku { partNumber } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleDailyToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token } }"): (typeof documents)["mutation ConsoleDailyToken($input: CreateProvisioningTokenInput!) { createProvisioningToken(input: $input) { token } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleOptimizationMe { me { userPrincipalName } }"): (typeof documents)["query ConsoleOptimizationMe { me { userPrincipalName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ConsoleOptimizationAsk($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }"): (typeof documents)["mutation ConsoleOptimizationAsk($input: RequestLicenseInput!) { requestLicense(input: $input) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleOptimizationRequests { tenant { licenseRequests(first: 50) { nodes { status reason requester { id } grantedThroughGroup { id } } } } }"): (typeof documents)["query ConsoleOptimizationRequests { tenant { licenseRequests(first: 50) { nodes { status reason requester { id } grantedThroughGroup { id } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleOptimizationPolicies { tenant { inactiveAfterDays autoReclaim autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }"): (typeof documents)["query ConsoleOptimizationPolicies { tenant { inactiveAfterDays autoReclaim autoClaimPolicies { enabled sku { id } scopeGroup { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleE2eSubscriptions { tenant { subscriptions { id sku { partNumber } } } }"): (typeof documents)["query ConsoleE2eSubscriptions { tenant { subscriptions { id sku { partNumber } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ConsoleE2eUserCount { tenant { users(first: 1) { totalCount } } }"): (typeof documents)["query ConsoleE2eUserCount { tenant { users(first: 1) { totalCount } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditEvents($first: Int, $after: String, $action: String, $targetId: ID) {\n  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { cursor node { id action targetId details at actor { id } } }\n    nodes { id }\n  }\n}"): (typeof documents)["query AuditEvents($first: Int, $after: String, $action: String, $targetId: ID) {\n  auditEvents(first: $first, after: $after, action: $action, targetId: $targetId) {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { cursor node { id action targetId details at actor { id } } }\n    nodes { id }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryGroup($id: ID!) { securityGroup(id: $id) {\n  id displayName description\n  members(first: 1000) { totalCount nodes { id } }\n  memberGroups { id } memberOf { id }\n  transitiveMembers(first: 1000) { totalCount nodes { id } }\n} }"): (typeof documents)["query DirectoryGroup($id: ID!) { securityGroup(id: $id) {\n  id displayName description\n  members(first: 1000) { totalCount nodes { id } }\n  memberGroups { id } memberOf { id }\n  transitiveMembers(first: 1000) { totalCount nodes { id } }\n} }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryUser($id: ID!) { user(id: $id) { id displayName accountEnabled roles memberOf { id } transitiveMemberOf { id } } }"): (typeof documents)["query DirectoryUser($id: ID!) { user(id: $id) { id displayName accountEnabled roles memberOf { id } transitiveMemberOf { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryUsers($first: Int, $after: String, $filter: UserFilter) { tenant { users(first: $first, after: $after, filter: $filter) {\n  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id userPrincipalName displayName }\n} } }"): (typeof documents)["query DirectoryUsers($first: Int, $after: String, $filter: UserFilter) { tenant { users(first: $first, after: $after, filter: $filter) {\n  totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } nodes { id userPrincipalName displayName }\n} } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query DirectoryNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryMe { me { id roles accountEnabled } }"): (typeof documents)["query DirectoryMe { me { id roles accountEnabled } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DirectoryUpdateGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }"): (typeof documents)["mutation DirectoryUpdateGroup($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DirectoryCreateUserFull($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName displayName roles accountEnabled } }"): (typeof documents)["mutation DirectoryCreateUserFull($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName displayName roles accountEnabled } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EngineStates($id: ID!) { user(id: $id) { id licenseAssignmentStates { sku { partNumber } assignedByGroup { id } via { id } disabledPlans { id name } state error } } }"): (typeof documents)["query EngineStates($id: ID!) { user(id: $id) { id licenseAssignmentStates { sku { partNumber } assignedByGroup { id } via { id } disabledPlans { id name } state error } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EngineEngineUsers($f: UserFilter) { tenant { users(first: 200, filter: $f) { totalCount nodes { id } } } }"): (typeof documents)["query EngineEngineUsers($f: UserFilter) { tenant { users(first: 200, filter: $f) { totalCount nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EngineGroupErrors($id: ID!) { securityGroup(id: $id) { id hasMembersWithLicenseErrors membersWithLicenseErrors(first: 100) { totalCount nodes { id } } } }"): (typeof documents)["query EngineGroupErrors($id: ID!) { securityGroup(id: $id) { id hasMembersWithLicenseErrors membersWithLicenseErrors(first: 100) { totalCount nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EnginePreview($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { group { id } sku { partNumber } newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }"): (typeof documents)["query EnginePreview($g: ID!, $s: ID!) { previewGroupLicenseAssignment(groupId: $g, skuId: $s) { group { id } sku { partNumber } newSeatsNeeded alreadyLicensed availableUnits wouldBeInError } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EngineSkus { skus { id partNumber servicePlans { id name } } }"): (typeof documents)["query EngineSkus { skus { id partNumber servicePlans { id name } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query EngineMeId { me { id } }"): (typeof documents)["query EngineMeId { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesCreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id displayName } admin { id roles } } }"): (typeof documents)["mutation FixturesCreateTenant($input: CreateTenantInput!) { createTenant(input: $input) { tenant { id displayName } admin { id roles } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesCreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName roles accountEnabled } }"): (typeof documents)["mutation FixturesCreateUser($input: CreateUserInput!) { createUser(input: $input) { id userPrincipalName roles accountEnabled } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id roles accountEnabled displayName } }"): (typeof documents)["mutation FixturesUpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id roles accountEnabled displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesDeleteUser($id: ID!) { deleteUser(id: $id) }"): (typeof documents)["mutation FixturesDeleteUser($id: ID!) { deleteUser(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesCreateGroup($input: CreateSecurityGroupInput!) { createSecurityGroup(input: $input) { id displayName } }"): (typeof documents)["mutation FixturesCreateGroup($input: CreateSecurityGroupInput!) { createSecurityGroup(input: $input) { id displayName } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesDeleteGroup($id: ID!) { deleteSecurityGroup(id: $id) }"): (typeof documents)["mutation FixturesDeleteGroup($id: ID!) { deleteSecurityGroup(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesAddMembers($input: GroupMembersInput!) { addGroupMembers(input: $input) { id } }"): (typeof documents)["mutation FixturesAddMembers($input: GroupMembersInput!) { addGroupMembers(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesRemoveMembers($input: GroupMembersInput!) { removeGroupMembers(input: $input) { id } }"): (typeof documents)["mutation FixturesRemoveMembers($input: GroupMembersInput!) { removeGroupMembers(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesPurchase($input: PurchaseLicensesInput!) { purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status sku { partNumber } } } }"): (typeof documents)["mutation FixturesPurchase($input: PurchaseLicensesInput!) { purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status sku { partNumber } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesUpdateQuantity($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity } }"): (typeof documents)["mutation FixturesUpdateQuantity($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesCancel($id: ID!) { cancelSubscription(id: $id) { id status } }"): (typeof documents)["mutation FixturesCancel($id: ID!) { cancelSubscription(id: $id) { id status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesAssignUser($input: AssignUserLicensesInput!) { assignUserLicenses(input: $input) { id } }"): (typeof documents)["mutation FixturesAssignUser($input: AssignUserLicensesInput!) { assignUserLicenses(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesAssignGroup($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }"): (typeof documents)["mutation FixturesAssignGroup($input: AssignGroupLicensesInput!) { assignGroupLicenses(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FixturesLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits unassignedDemand } } }"): (typeof documents)["query FixturesLicenses { tenant { licenses { sku { partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits unassignedDemand } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FixturesEffective($id: ID!) { user(id: $id) { id canCreateBots effectiveLicenses { sku { partNumber } state error holdsSeat enabledPlans { name } sources { kind group { id } via { id } } expiresAt } } }"): (typeof documents)["query FixturesEffective($id: ID!) { user(id: $id) { id canCreateBots effectiveLicenses { sku { partNumber } state error holdsSeat enabledPlans { name } sources { kind group { id } via { id } } expiresAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesCreateBot($input: CreateBotInput!) { createBot(input: $input) { id name owner { id } } }"): (typeof documents)["mutation FixturesCreateBot($input: CreateBotInput!) { createBot(input: $input) { id name owner { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesUpdateBot($input: UpdateBotInput!) { updateBot(input: $input) { id name published owner { id } } }"): (typeof documents)["mutation FixturesUpdateBot($input: UpdateBotInput!) { updateBot(input: $input) { id name published owner { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesDeleteBot($id: ID!) { deleteBot(id: $id) }"): (typeof documents)["mutation FixturesDeleteBot($id: ID!) { deleteBot(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation FixturesRecord($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions } }"): (typeof documents)["mutation FixturesRecord($input: RecordBotSessionsInput!) { recordBotSessions(input: $input) { id billedSessions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query FixturesAudit($action: String, $targetId: ID) { auditEvents(first: 100, action: $action, targetId: $targetId) { totalCount nodes { action targetId details actor { id } } } }"): (typeof documents)["query FixturesAudit($action: String, $targetId: ID) { auditEvents(first: 100, action: $action, targetId: $targetId) { totalCount nodes { action targetId details actor { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvariantsUsersPage($first: Int!, $after: String) { tenant { users(first: $first, after: $after) {\n  pageInfo { hasNextPage endCursor }\n  nodes { id effectiveLicenses { sku { id } state error holdsSeat } } } } }"): (typeof documents)["query InvariantsUsersPage($first: Int!, $after: String) { tenant { users(first: $first, after: $after) {\n  pageInfo { hasNextPage endCursor }\n  nodes { id effectiveLicenses { sku { id } state error holdsSeat } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvariantsLicenses { tenant { licenses { sku { id } prepaidUnits { enabled warning } consumedUnits availableUnits unassignedDemand } } }"): (typeof documents)["query InvariantsLicenses { tenant { licenses { sku { id } prepaidUnits { enabled warning } consumedUnits availableUnits unassignedDemand } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrincipalsTenant { tenant { subscriptions { id } } }"): (typeof documents)["query PrincipalsTenant { tenant { subscriptions { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PrincipalsAuditEvents { auditEvents(first: 1) { nodes { id } } }"): (typeof documents)["query PrincipalsAuditEvents { auditEvents(first: 1) { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PurchasesPurchase($input: PurchaseLicensesInput!) {\n  purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status orderId isTrial endsAt sku { id partNumber } } }\n}"): (typeof documents)["mutation PurchasesPurchase($input: PurchaseLicensesInput!) {\n  purchaseLicenses(input: $input) { orderId subscriptions { id quantity channel status orderId isTrial endsAt sku { id partNumber } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PurchasesSubs($all: Boolean) {\n  tenant { hasActiveTenantLicense subscriptions(includeInactive: $all) { id quantity channel status orderId endsAt sku { id partNumber } } }\n}"): (typeof documents)["query PurchasesSubs($all: Boolean) {\n  tenant { hasActiveTenantLicense subscriptions(includeInactive: $all) { id quantity channel status orderId endsAt sku { id partNumber } } }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PurchasesLicenses { tenant { licenses { sku { id partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }"): (typeof documents)["query PurchasesLicenses { tenant { licenses { sku { id partNumber } prepaidUnits { enabled warning suspended } consumedUnits availableUnits } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PurchasesAudit($action: String) { auditEvents(first: 1000, action: $action) { totalCount nodes { id action targetId details actor { id } } } }"): (typeof documents)["query PurchasesAudit($action: String) { auditEvents(first: 1000, action: $action) { totalCount nodes { id action targetId details actor { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PurchasesUpdateQty($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity status } }"): (typeof documents)["mutation PurchasesUpdateQty($input: UpdateSubscriptionQuantityInput!) { updateSubscriptionQuantity(input: $input) { id quantity status } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PurchasesCancel($id: ID!) { cancelSubscription(id: $id) { id status quantity } }"): (typeof documents)["mutation PurchasesCancel($id: ID!) { cancelSubscription(id: $id) { id status quantity } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TwoTenantsAuditEvents { auditEvents(first: 1) { nodes { id } } }"): (typeof documents)["query TwoTenantsAuditEvents { auditEvents(first: 1) { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GuardMe { me { canCreateBots } }"): (typeof documents)["query GuardMe { me { canCreateBots } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GuardRate { rateLimit { currentlyAvailable } }"): (typeof documents)["query GuardRate { rateLimit { currentlyAvailable } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveAuditCreateGroup { auditEvents(first: 8, action: \"CREATE_GROUP\") { nodes { id } } }"): (typeof documents)["query LiveAuditCreateGroup { auditEvents(first: 8, action: \"CREATE_GROUP\") { nodes { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveMe { me { id } }"): (typeof documents)["query LiveMe { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query LiveLowOnSeats { tenant { seatAlertThreshold licenses { sku { partNumber } availableUnits unassignedDemand lowOnSeats } } }"): (typeof documents)["query LiveLowOnSeats { tenant { seatAlertThreshold licenses { sku { partNumber } availableUnits unassignedDemand lowOnSeats } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveThresholdOne { updateTenantSettings(input: { seatAlertThreshold: 1 }) { seatAlertThreshold allowAdHocSubscriptions } }"): (typeof documents)["mutation LiveThresholdOne { updateTenantSettings(input: { seatAlertThreshold: 1 }) { seatAlertThreshold allowAdHocSubscriptions } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveThresholdZero { updateTenantSettings(input: { seatAlertThreshold: 0 }) { seatAlertThreshold } }"): (typeof documents)["mutation LiveThresholdZero { updateTenantSettings(input: { seatAlertThreshold: 0 }) { seatAlertThreshold } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation LiveThresholdNegative { updateTenantSettings(input: { seatAlertThreshold: -1 }) { id } }"): (typeof documents)["mutation LiveThresholdNegative { updateTenantSettings(input: { seatAlertThreshold: -1 }) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsLiveRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }"): (typeof documents)["mutation RequestsLiveRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsLiveDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id } }"): (typeof documents)["mutation RequestsLiveDeny($input: DenyLicenseRequestInput!) { denyLicenseRequest(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestsLiveApprove($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id } }"): (typeof documents)["mutation RequestsLiveApprove($input: ApproveLicenseRequestInput!) { approveLicenseRequest(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query GroupsDoc1($id: ID!) { securityGroup(id: $id) { source transitiveMembers(first: 10) { nodes { id } } } }"): (typeof documents)["query GroupsDoc1($id: ID!) { securityGroup(id: $id) { source transitiveMembers(first: 10) { nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GroupsDoc2($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }"): (typeof documents)["mutation GroupsDoc2($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id displayName description } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation GroupsDoc3($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }"): (typeof documents)["mutation GroupsDoc3($input: UpdateSecurityGroupInput!) { updateSecurityGroup(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScimRequestsRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }"): (typeof documents)["mutation ScimRequestsRequest($input: RequestLicenseInput!) { requestLicense(input: $input) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScimRequestsList { tenant { licenseRequests { nodes { id status requester { id deletedAt } } } } }"): (typeof documents)["query ScimRequestsList { tenant { licenseRequests { nodes { id status requester { id deletedAt } } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ScimRequestsNode($id: ID!) { node(id: $id) { id } }"): (typeof documents)["query ScimRequestsNode($id: ID!) { node(id: $id) { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ScimClientDoc1($input: CreateProvisioningTokenInput!) {\n  createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id description hint createdAt expiresAt lastUsedAt } } }"): (typeof documents)["mutation ScimClientDoc1($input: CreateProvisioningTokenInput!) {\n  createProvisioningToken(input: $input) { token scimBaseUrl provisioningToken { id description hint createdAt expiresAt lastUsedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query TokensDoc1 { tenant { provisioningTokens { id description hint createdAt expiresAt lastUsedAt } } }"): (typeof documents)["query TokensDoc1 { tenant { provisioningTokens { id description hint createdAt expiresAt lastUsedAt } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation TokensDoc2($id: ID!) { revokeProvisioningToken(id: $id) }"): (typeof documents)["mutation TokensDoc2($id: ID!) { revokeProvisioningToken(id: $id) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UserRulesAccount($id: ID!) { user(id: $id) { accountEnabled source } }"): (typeof documents)["query UserRulesAccount($id: ID!) { user(id: $id) { accountEnabled source } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersDoc1($id: ID!) { user(id: $id) { userPrincipalName displayName accountEnabled roles usageLocation source externalId } }"): (typeof documents)["query UsersDoc1($id: ID!) { user(id: $id) { userPrincipalName displayName accountEnabled roles usageLocation source externalId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersDoc2($id: ID!) { user(id: $id) { usageLocation } }"): (typeof documents)["query UsersDoc2($id: ID!) { user(id: $id) { usageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersDeletedOwner($id: ID!, $bot: ID!) { user(id: $id) { id deletedAt accountEnabled memberOf { id } effectiveLicenses { state } } bot(id: $bot) { needsNewOwner owner { id } } }"): (typeof documents)["query UsersDeletedOwner($id: ID!, $bot: ID!) { user(id: $id) { id deletedAt accountEnabled memberOf { id } effectiveLicenses { state } } bot(id: $bot) { needsNewOwner owner { id } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersDoc3($d: Boolean) { tenant { users(first: 100, filter: { includeDeleted: $d }) { nodes { id } } } }"): (typeof documents)["query UsersDoc3($d: Boolean) { tenant { users(first: 100, filter: { includeDeleted: $d }) { nodes { id } } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersDoc4 { me { id } }"): (typeof documents)["query UsersDoc4 { me { id } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UsersDoc5($input: UpdateUserInput!) { updateUser(input: $input) { id roles usageLocation } }"): (typeof documents)["mutation UsersDoc5($input: UpdateUserInput!) { updateUser(input: $input) { id roles usageLocation } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query UsersDoc6($id: ID!) { user(id: $id) { source } }"): (typeof documents)["query UsersDoc6($id: ID!) { user(id: $id) { source } }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;