package org.community.volunteer.hours;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.community.volunteer.volunteer.Stars;
import org.junit.jupiter.api.Test;

class StarsTest {

    @Test
    void starsAtTheThresholds() {
        assertEquals(0, Stars.level(99 * 60 + 59));
        assertEquals(1, Stars.level(100 * 60));
        assertEquals(1, Stars.level(299 * 60));
        assertEquals(2, Stars.level(300 * 60));
        assertEquals(3, Stars.level(600 * 60));
        assertEquals(4, Stars.level(1000 * 60));
        assertEquals(5, Stars.level(1500 * 60));
        assertEquals(5, Stars.level(9000 * 60));
        assertEquals(1000, Stars.nextThresholdHours(700 * 60));
        assertNull(Stars.nextThresholdHours(1500 * 60));
    }
}
