package org.community.volunteer.volunteer;

/** Personal data in responses: phone {@code 138****1234}, ID number {@code 420***********1234}. */
public final class Masks {

    private Masks() {
    }

    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 8) {
            return idNumber == null ? null : "****";
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }
}
