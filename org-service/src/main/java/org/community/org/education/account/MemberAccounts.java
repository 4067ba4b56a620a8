package org.community.org.education.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.org.member.Member;
import org.community.org.member.MemberRepository;
import org.community.org.persistence.Constraints;
import org.community.org.security.Caller;

/** The link between a member and the account (token {@code sub}) they sign in with: an attribute of the member entity. */
@ApplicationScoped
public class MemberAccounts {

    @Inject
    MemberRepository members;

    @Inject
    Caller caller;

    /** The member the caller is, if their account is linked to one who has not left. */
    public Optional<Member> me() {
        String subject = caller.subject();
        if (subject == null) {
            return Optional.empty();
        }
        return members.find("account", subject).firstResultOptional().filter(m -> !m.status().isExit());
    }

    public Optional<String> accountOf(UUID memberId) {
        return members.find(memberId).map(Member::account);
    }

    /** Links the account to the member (locked by the caller); false when another member has it. */
    public boolean link(Member member, String account) {
        if (members.count("account = ?1 and id <> ?2", account, member.id()) > 0) {
            return false;
        }
        member.linkAccount(account);
        return Constraints.flushed(members::flush, "member_account");
    }

    public void unlink(Member member) {
        member.linkAccount(null);
        members.flush();
    }
}
