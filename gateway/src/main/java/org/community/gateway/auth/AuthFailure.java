package org.community.gateway.auth;

/** Why a bearer token was refused; {@link #detailKey} is a messages bundle key. */
public class AuthFailure extends RuntimeException {

    public final String detailKey;

    public AuthFailure(String detailKey) {
        super(detailKey, null, false, false);
        this.detailKey = detailKey;
    }
}
