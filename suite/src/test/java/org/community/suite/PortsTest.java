package org.community.suite;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;

import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void managementPortsAreSuitePortsThatTheFlagChangesAndClashesName() {
        assertThat(Ports.defaults().gatewayOps()).isEqualTo(9000);
        Ports moved = Ports.defaults().with("org-ops=9101,consultation-ops=9103");
        assertThat(moved.orgOps()).isEqualTo(9101);
        assertThat(moved.consultationOps()).isEqualTo(9103);
        assertThat(moved.volunteerOps()).isEqualTo(9002);

        Ports clash = Ports.defaults().with("volunteer-ops=8081");
        assertThat(clash.problem(false)).contains("8081", "org", "volunteer-ops");
    }

    @Test
    void freePortsAreAllDifferent() {
        Ports free = Ports.free();
        assertThat(new HashSet<>(free.asMap().values())).hasSize(free.asMap().size());
    }
}
