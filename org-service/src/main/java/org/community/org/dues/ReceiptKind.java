package org.community.org.dues;

/** A ledger entry: a payment, or the reversal that cancels one (the only way to correct a recorded payment). */
public enum ReceiptKind {
    PAYMENT, REVERSAL
}
