package org.community.org.education.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.community.conventions.db.Db;
import org.community.org.member.Member;
import org.community.org.security.Caller;

/** The link between a member and the account (token {@code sub}) they sign in with. */
@ApplicationScoped
public class MemberAccounts {

    @Inject
    Db db;

    @Inject
    Caller caller;

    /** The member the caller is, if their account is linked to one who has not left. */
    public Optional<Member> me() {
        String subject = caller.subject();
        if (subject == null) {
            return Optional.empty();
        }
        return db.one("select " + Member.COLUMNS + " from member where account = ? and status not in ('TRANSFERRED_OUT', 'DECEASED', 'REMOVED')",
                Member::map, subject);
    }

    public Optional<String> accountOf(UUID memberId) {
        return db.one("select account from member where id = ?", row -> row.getString(1), memberId);
    }

    /** Links the account to the member; false when another member has it. */
    public boolean link(UUID memberId, String account) {
        if (db.count("select count(*) from member where account = ? and id <> ?", account, memberId) > 0) {
            return false;
        }
        db.update("update member set account = ? where id = ?", account, memberId);
        return true;
    }

    public void unlink(UUID memberId) {
        db.update("update member set account = null where id = ?", memberId);
    }
}
