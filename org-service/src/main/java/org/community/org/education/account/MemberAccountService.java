package org.community.org.education.account;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.conventions.problem.ProblemException;
import org.community.org.security.Access;
import org.community.org.security.Audit;
import org.community.org.security.Caller;

/** Links a member to their account: admin roles of the member's scope. */
@ApplicationScoped
public class MemberAccountService {

    @Inject
    MemberAccounts accounts;

    @Inject
    MemberRepository members;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Transactional
    public void link(UUID memberId, String account) {
        Member member = adminsMember(memberId);
        if (member.status().isExit()) {
            throw ProblemException.conflict("accountMemberLeft", member.name());
        }
        if (!accounts.link(member, account.trim())) {
            throw ProblemException.conflictOnField("account", "accountTaken", account.trim());
        }
        audit.record("member.linkAccount", "member", memberId, member.path(), Map.of("account", account.trim()));
    }

    @Transactional
    public void unlink(UUID memberId) {
        Member member = adminsMember(memberId);
        accounts.unlink(member);
        audit.record("member.unlinkAccount", "member", memberId, member.path(), Map.of());
    }

    private Member adminsMember(UUID memberId) {
        caller.require(Access.ADMIN);
        Member member = members.lockForUpdate(memberId).orElseThrow(() -> ProblemException.notFound("member", memberId));
        caller.requireVisible(Access.ADMIN, "member", memberId, member.path());
        return member;
    }
}
