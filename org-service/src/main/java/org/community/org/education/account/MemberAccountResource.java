package org.community.org.education.account;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A member's account link. It lives with member education, which introduced it (a member signs in to sessions and
 * reads their own credits), but it is the member's: any feature may use {@link MemberAccounts#me()}.
 */
@Path("/api/v1/members/{id}/account")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Members")
public class MemberAccountResource {

    @Inject
    MemberAccountService service;

    @Inject
    MemberAccounts accounts;

    @Inject
    MemberRepository members;

    @Inject
    Caller caller;

    @GET
    @Operation(operationId = "getMemberAccount", summary = "The account a member signs in with", description = "Admin roles of the member's scope; 404 when none is linked.")
    public AccountLink get(@PathParam("id") UUID id) {
        caller.require(Access.ADMIN);
        Member member = members.find(id).orElseThrow(() -> ProblemException.notFound("member", id));
        caller.requireVisible(Access.ADMIN, "member", id, member.path());
        return accounts.accountOf(id).map(account -> new AccountLink(id, account))
                .orElseThrow(() -> ProblemException.notFound("memberAccount", id));
    }

    @PUT
    @Operation(operationId = "linkMemberAccount", summary = "Link a member to their account", description = "Admin roles of the member's scope. The member then signs in to "
            + "education sessions with a code and reads their own credits and ranking position. An account belongs to one member (409).")
    @APIResponse(responseCode = "200", description = "Linked")
    public AccountLink link(@PathParam("id") UUID id, @Valid @NotNull AccountLink input) {
        service.link(id, input.account());
        return new AccountLink(id, input.account().trim());
    }

    @DELETE
    @Operation(operationId = "unlinkMemberAccount", summary = "Unlink a member's account", description = "Admin roles of the member's scope.")
    @APIResponse(responseCode = "204", description = "Unlinked")
    public Response unlink(@PathParam("id") UUID id) {
        service.unlink(id);
        return Response.noContent().build();
    }
}
