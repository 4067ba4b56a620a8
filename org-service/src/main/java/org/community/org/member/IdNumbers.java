package org.community.org.member;

/**
 * Resident ID numbers (身份证号) leave the service masked: {@code 420***********1234}, the first three and last four
 * characters kept, for every caller but the admin roles of the member's scope (security.Caller#seesIdNumbers).
 */
public final class IdNumbers {

    private IdNumbers() {
    }

    public static String mask(String idNumber) {
        if (idNumber == null) {
            return null;
        }
        if (idNumber.length() < 8) {
            return "*".repeat(idNumber.length());
        }
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
    }

    /** 18 characters: 17 digits and a digit or X, with the GB 11643 check character. */
    public static boolean valid(String idNumber) {
        if (idNumber == null || !idNumber.matches("[0-9]{17}[0-9Xx]")) {
            return false;
        }
        int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
        String checks = "10X98765432";
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (idNumber.charAt(i) - '0') * weights[i];
        }
        return Character.toUpperCase(idNumber.charAt(17)) == checks.charAt(sum % 11);
    }
}
