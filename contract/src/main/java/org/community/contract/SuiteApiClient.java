package org.community.contract;

import org.community.contract.client.ApiClient;

/**
 * The generated client's {@link ApiClient} (openapi-generator, {@code native} library) with the one security scheme
 * of the contract, {@code bearerAuth}: the native library generates no authentication helpers, so this adds
 * {@link #setBearerToken(String)}, which every API object made from this client afterwards sends as
 * {@code Authorization: Bearer <token>}.
 *
 * <pre>{@code
 * SuiteApiClient client = new SuiteApiClient("http://localhost:8080");
 * String token = new AuthApi(client).issueToken(new LoginRequest().username("secretary").password("demo-secretary")).getAccessToken();
 * client.setBearerToken(token);
 * List<AccountView> accounts = new AuthApi(client).listAccounts();
 * }</pre>
 */
public class SuiteApiClient extends ApiClient {

    private volatile String bearerToken;

    public SuiteApiClient(String baseUri) {
        updateBaseUri(baseUri);
        setRequestInterceptor(request -> {
            String token = bearerToken;
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
        });
    }

    /** The access token for bearerAuth (POST /api/v1/auth/token, or the identity provider's); null sends none. */
    public SuiteApiClient setBearerToken(String token) {
        this.bearerToken = token;
        return this;
    }
}
