import { enqueueChanges } from "../../data/change-outbox";
import type { Clock } from "../../domain/clock";
import type { BeforeCommitHook } from "../request/context";
import { changesOf, isEmpty, kindsOf } from "./changes";

/**
 * MG6's transactional outbox: last in every tenant write's transaction (with the write's report, E3), the changes
 * go to the outbox of each subscription that may care, in one statement. Committed with the write; a rolled-back
 * write leaves no row, and so no notification.
 */
export function outboxBeforeCommit(clock: Clock): BeforeCommitHook {
  return async (report, tx) => {
    const changes = changesOf(report, tx.membersChangedOf);
    if (isEmpty(changes)) return;
    await enqueueChanges(tx, kindsOf(changes), changes.m, JSON.stringify(changes), clock.now());
  };
}
