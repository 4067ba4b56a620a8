package org.community.org.household;

/** Phone numbers leave the service masked: {@code 138****1234}. */
public final class Phones {

    private Phones() {
    }

    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }
}
