package org.community.org.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.test.junit.QuarkusTest;

import org.community.conventions.problem.Problem;
import org.community.conventions.problem.ProblemMappers;
import org.community.org.persistence.Constraints;
import org.community.org.support.Api;
import org.junit.jupiter.api.Test;

/**
 * A unique violation Hibernate reports on flush (its exception wrapping PostgreSQL's) is still told apart by its
 * constraint, and still answers 409 problem+json through the conventions library's mapping, which walks the causes to
 * the SQLState: entities change nothing for a client in a race the service's own checks could not see.
 */
@QuarkusTest
class HibernateConflictTest {

    @Inject
    HouseholdRepository households;

    @Inject
    UserTransaction transaction;

    @Test
    void aUniqueViolationOnFlushIsNamedAndAnswers409() throws Exception {
        String street = Api.street("flush");
        String community = Api.unit(Api.unique("C"), "社区丁", "COMMUNITY", "COMMITTEE", street);
        String building = Api.unit(Api.unique("B"), "5栋", "BUILDING", "GROUP", community);
        UUID first = UUID.fromString(Api.household(building, "1", "101", 2));

        PersistenceException flush;
        transaction.begin();
        try {
            Household existing = households.find(first).orElseThrow();
            // the same address, past the service's check: only the unique index household_address can refuse it
            households.persist(new Household(existing.buildingId(), existing.path(), new Household.Address(null, "5栋", "1", "101"), 1,
                    null, null, Instant.now()));
            flush = catchThrowableOfType(households::flush, PersistenceException.class);
        } finally {
            transaction.rollback();
        }

        assertThat(flush).isNotNull();
        assertThat(Constraints.flushed(() -> {
            throw flush;
        }, "household_address")).isFalse();
        Response answer = new ProblemMappers().unexpected(flush, headers(), uri());
        assertThat(answer.getStatus()).isEqualTo(409);
        assertThat(answer.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    }

    private static HttpHeaders headers() {
        return (HttpHeaders) Proxy.newProxyInstance(HttpHeaders.class.getClassLoader(), new Class<?>[] { HttpHeaders.class },
                (proxy, method, args) -> method.getName().equals("getAcceptableLanguages") ? List.of(Locale.ENGLISH) : null);
    }

    private static UriInfo uri() {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] { UriInfo.class },
                (proxy, method, args) -> method.getName().equals("getPath") ? "/api/v1/households" : null);
    }
}
