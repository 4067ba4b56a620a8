package org.community.org.dues;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Caller;

/**
 * Who sees and handles whose dues. The member's scope sees them; so does the station where a mobile member is
 * registered (they may pay there), but the income base stays with the admin roles of the member's own scope.
 */
@ApplicationScoped
public class DuesAccess {

    @Inject
    Caller caller;

    @Inject
    MemberRepository members;

    @Inject
    Db db;

    /** The path of the station where the member is registered now, if they flowed out and registered. */
    public Optional<String> stationPath(UUID memberId) {
        return db.one("select s.path from mobile_outflow o join org_unit s on s.id = o.station_unit_id where o.member_id = ?"
                + " and o.returned_on is null", row -> row.getString(1), memberId);
    }

    /** A member whose dues the caller may read: RECORDS roles of the member's scope or of their station; 404 otherwise. */
    public Member readable(UUID memberId) {
        caller.require(Access.RECORDS);
        Member member = members.find(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        if (!caller.sees(member.path()) && !stationPath(memberId).map(caller::sees).orElse(false)) {
            throw ProblemException.notFound("member", memberId);
        }
        return member;
    }

    /** The income base (personal data) is shown to the admin roles whose scope holds the member; the member reads their own at /mine. */
    public boolean seesIncome(String memberPath) {
        return caller.has(Access.ADMIN) && caller.scope().contains(memberPath);
    }
}
