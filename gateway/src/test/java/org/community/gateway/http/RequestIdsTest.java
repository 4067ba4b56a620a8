package org.community.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void aTraceparentIsPassedOnOnlyWhenWellFormed() {
        assertThat(RequestIds.wellFormed("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).isTrue();
        assertThat(RequestIds.wellFormed("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00")).isTrue();
        assertThat(RequestIds.wellFormed(RequestIds.newTraceparent())).isTrue();

        assertThat(RequestIds.wellFormed(null)).isFalse();
        assertThat(RequestIds.wellFormed("garbage")).isFalse();
        assertThat(RequestIds.wellFormed("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")).as("version ff").isFalse();
        assertThat(RequestIds.wellFormed("00-00000000000000000000000000000000-00f067aa0ba902b7-01")).as("zero trace id").isFalse();
        assertThat(RequestIds.wellFormed("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01")).as("upper case").isFalse();
        assertThat(RequestIds.wellFormed("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-0g")).as("not hex").isFalse();
        assertThat(RequestIds.wellFormed("00-4bf92f3577b34da6a3ce929d0e0e4736x00f067aa0ba902b7-01")).as("separator").isFalse();
        assertThat(RequestIds.wellFormed("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-011")).as("length").isFalse();
    }
}
