import { AuditEvent } from "./audit.entity";
import { Bot, BotUsage } from "./bot.entity";
import { ServicePlan, Sku, SkuRequirement, SkuServicePlan } from "./catalog.entity";
import { GroupNesting, GroupUserMember, SecurityGroup } from "./group.entity";
import { GroupLicenseAssignment, LicenseWant, SeatPool, UserLicenseAssignment, UserTrial } from "./license.entity";
import { ProvisioningToken } from "./provisioning.entity";
import { ReclaimPass } from "./reclaim.entity";
import { PurchaseOrder, Subscription } from "./subscription.entity";
import { Tenant } from "./tenant.entity";
import { User } from "./user.entity";
import { AutoClaimPolicy, LicenseRequest } from "./license-request.entity";
import { DailyJobRun, LicenseUsageDayRow } from "./usage.entity";
import { ChangeOutbox, ChangeSubscription } from "./change-notification.entity";

export {
  AuditEvent, Bot, BotUsage, ServicePlan, Sku, SkuRequirement, SkuServicePlan, GroupNesting, GroupUserMember,
  SecurityGroup, GroupLicenseAssignment, LicenseWant, SeatPool, UserLicenseAssignment, UserTrial, PurchaseOrder, Subscription,
  Tenant, User, ProvisioningToken, ReclaimPass, LicenseRequest, AutoClaimPolicy, LicenseUsageDayRow, DailyJobRun,
  ChangeSubscription, ChangeOutbox,
};

export const ENTITIES = [
  Tenant, ServicePlan, Sku, SkuServicePlan, SkuRequirement, PurchaseOrder, Subscription, User, SecurityGroup,
  GroupUserMember, GroupNesting, UserLicenseAssignment, GroupLicenseAssignment, LicenseWant, SeatPool, UserTrial, Bot,
  BotUsage, AuditEvent, ProvisioningToken, ReclaimPass, LicenseRequest, AutoClaimPolicy, LicenseUsageDayRow, DailyJobRun,
  ChangeSubscription, ChangeOutbox,
];
