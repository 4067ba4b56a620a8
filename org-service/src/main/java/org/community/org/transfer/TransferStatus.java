package org.community.org.transfer;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A transfer waits for the destination; it ends once, in one of three ways. */
@Schema(description = "PENDING (待接收) → ACCEPTED (已接收) | REJECTED (退回) | CANCELLED (撤回)")
public enum TransferStatus {
    PENDING, ACCEPTED, REJECTED, CANCELLED;

    private static final Map<TransferStatus, Set<TransferStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(ACCEPTED, REJECTED, CANCELLED),
            ACCEPTED, EnumSet.noneOf(TransferStatus.class),
            REJECTED, EnumSet.noneOf(TransferStatus.class),
            CANCELLED, EnumSet.noneOf(TransferStatus.class));

    public boolean mayBecome(TransferStatus next) {
        return ALLOWED.get(this).contains(next);
    }
}
