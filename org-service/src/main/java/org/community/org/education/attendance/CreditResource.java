package org.community.org.education.attendance;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.community.org.education.account.MemberAccounts;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/education/credits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Education: attendance")
public class CreditResource {

    @Inject
    AttendanceRepository attendance;

    @Inject
    MemberRepository members;

    @Inject
    MemberAccounts accounts;

    @Inject
    Caller caller;

    @GET
    @Path("members/{id}")
    @Operation(operationId = "listMemberEducationCredits", summary = "A member's study credits per program", description = "Newest program first; also in the growth record "
            + "(`GET /api/v1/org-life/members/{id}/growth-record`, `studyCredits`).")
    public List<AttendanceViews.ProgramCredits> member(@PathParam("id") UUID id) {
        caller.require(Access.RECORDS);
        Member member = members.find(id).orElseThrow(() -> ProblemException.notFound("member", id));
        caller.requireVisible(Access.RECORDS, "member", id, member.path());
        return attendance.programCredits(id);
    }

    @GET
    @Path("mine")
    @Operation(operationId = "listMyEducationCredits", summary = "My own study credits per program", description = "For any signed-in member whose account is linked to their "
            + "member record; 404 when it is not.")
    public List<AttendanceViews.ProgramCredits> mine() {
        Member me = accounts.me().orElseThrow(() -> ProblemException.notFound("memberAccount", caller.subject()));
        return attendance.programCredits(me.id());
    }
}
