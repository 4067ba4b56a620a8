package org.community.org.persistence;

import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.hibernate.engine.spi.SessionImplementor;
import org.hibernate.persister.entity.EntityPersister;

/** Row locks for writers, where the hand-written SQL said {@code select … for update}. */
public final class Locks {

    private Locks() {
    }

    /**
     * The entity read under {@code PESSIMISTIC_WRITE} (PostgreSQL: {@code for no key update}, which conflicts with
     * every other writer of the row and still lets foreign-key checks through). One this transaction has read already
     * is read again under the lock: Hibernate's lock upgrade would instead compare versions and fail when another
     * writer got there first, where the writer should see the row as it is now and decide (409, 412) as before.
     */
    public static <T> Optional<T> forUpdate(EntityManager em, Class<T> type, Object id) {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        EntityPersister persister = session.getFactory().getMappingMetamodel().getEntityDescriptor(type);
        Object managed = session.getPersistenceContextInternal().getEntity(session.generateEntityKey(id, persister));
        if (managed != null) {
            em.refresh(managed, LockModeType.PESSIMISTIC_WRITE);
            return Optional.of(type.cast(managed));
        }
        return Optional.ofNullable(em.find(type, id, LockModeType.PESSIMISTIC_WRITE));
    }
}
