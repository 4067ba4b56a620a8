package org.community.org.dues;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "CASH 现金, BANK_TRANSFER 转账, ONLINE 线上缴纳")
public enum PaymentMethod {
    CASH, BANK_TRANSFER, ONLINE
}
