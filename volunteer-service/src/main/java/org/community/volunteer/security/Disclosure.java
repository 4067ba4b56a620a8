package org.community.volunteer.security;

/** How much of a person's phone and ID number a response shows to the caller. */
public enum Disclosure {
    /** {@code 138****1234}, {@code 420***********1237} */
    MASKED,
    /** the phone in full, the ID number masked (grid workers and team leaders inside their scope) */
    PHONE,
    /** both in full (admin roles inside their scope, the person themself) */
    FULL;

    public String phone(String phone) {
        return this == MASKED ? org.community.volunteer.volunteer.Masks.phone(phone) : phone;
    }

    public String idNumber(String idNumber) {
        return this == FULL ? idNumber : org.community.volunteer.volunteer.Masks.idNumber(idNumber);
    }
}
