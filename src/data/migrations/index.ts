import { InitialSchema1764374400000 } from "./1764374400000-initial-schema";
import { SeedCatalog1764374400001 } from "./1764374400001-seed-catalog";
import { UserTrials1764374400002 } from "./1764374400002-user-trials";
import { TenantStateVersion1764374400003 } from "./1764374400003-tenant-state-version";
import { LookupIndexes1764374400004 } from "./1764374400004-lookup-indexes";
import { TenantPagingIndexes1764374400005 } from "./1764374400005-tenant-paging-indexes";
import { Directory1764374400100 } from "./1764374400100-directory";
import { UsageLocationCatalog1764374400101 } from "./1764374400101-usage-location-catalog";
import { SeatAlertThreshold1764374400200 } from "./1764374400200-seat-alert-threshold";
import { AuditTargetName1764374400300 } from "./1764374400300-audit-target-name";
import { ActivityReclamation1764374400410 } from "./1764374400410-activity-reclamation";
import { LicenseRequests1764374400420 } from "./1764374400420-license-requests";
import { UsageHistory1764374400430 } from "./1764374400430-usage-history";
import { ChangeNotifications1764374400440 } from "./1764374400440-change-notifications";
import { InactiveHolderIndex1764374400450 } from "./1764374400450-inactive-holder-index";
import { HolderIdleSince1764374400524 } from "./1764374400524-holder-idle-since";

/** Listed explicitly (no globs) so the same history runs from ts-jest, the build and the CLI. */
export const MIGRATIONS = [
  InitialSchema1764374400000, SeedCatalog1764374400001, UserTrials1764374400002, TenantStateVersion1764374400003, LookupIndexes1764374400004,
  TenantPagingIndexes1764374400005, Directory1764374400100, UsageLocationCatalog1764374400101, SeatAlertThreshold1764374400200,
  AuditTargetName1764374400300, ActivityReclamation1764374400410, LicenseRequests1764374400420, UsageHistory1764374400430,
  ChangeNotifications1764374400440, InactiveHolderIndex1764374400450, HolderIdleSince1764374400524,
];
