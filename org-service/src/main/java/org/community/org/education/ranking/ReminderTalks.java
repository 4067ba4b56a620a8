package org.community.org.education.ranking;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

import org.community.conventions.http.PageRequest;
import org.community.conventions.http.Times;
import org.community.org.persistence.Constraints;
import org.community.org.persistence.Where;

/** The reminder talks as entities; their list shows each trainee's name (the member entity). */
@ApplicationScoped
public class ReminderTalks implements PanacheRepositoryBase<ReminderTalk, UUID> {

    /** Records the talk; false when the trainee's talk of that month is recorded already. */
    public boolean insert(ReminderTalk talk) {
        if (count("programId = ?1 and month = ?2 and memberId = ?3", talk.programId(), talk.month(), talk.memberId()) > 0) {
            return false;
        }
        persist(talk);
        return Constraints.flushed(this::flush, "edu_reminder_talk_program_id_month_member_id_key");
    }

    public List<RankingViews.ReminderTalk> talks(UUID programId, YearMonth month, PageRequest page) {
        Where where = filter(programId, month);
        TypedQuery<Object[]> query = bind(getEntityManager().createQuery("select t, m.name from ReminderTalk t join Member m on m.id = t.memberId"
                + " where " + where.hql() + " order by t.month desc, t.talkedOn desc, t.id", Object[].class), where);
        return query.setFirstResult((int) page.offset()).setMaxResults(page.size).getResultStream().map(row -> {
            ReminderTalk t = (ReminderTalk) row[0];
            return new RankingViews.ReminderTalk(t.id(), t.programId(), t.memberId(), (String) row[1], YearMonth.from(t.month()).toString(),
                    t.talkedBy(), t.talkedOn(), t.notes(), t.recordedBy(), Times.local(t.createdAt()));
        }).toList();
    }

    public long countTalks(UUID programId, YearMonth month) {
        Where where = filter(programId, month);
        return bind(getEntityManager().createQuery("select count(*) from ReminderTalk t where " + where.hql(), Long.class), where)
                .getSingleResult();
    }

    private static <T> TypedQuery<T> bind(TypedQuery<T> query, Where where) {
        Object[] args = where.args();
        for (int i = 0; i < args.length; i++) {
            query.setParameter(i + 1, args[i]);
        }
        return query;
    }

    private static Where filter(UUID programId, YearMonth month) {
        Where where = new Where().and("t.programId = ?", programId);
        if (month != null) {
            where.and("t.month = ?", month.atDay(1));
        }
        return where;
    }
}
