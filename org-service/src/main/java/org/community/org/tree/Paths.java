package org.community.org.tree;

/**
 * Materialized paths: {@code /k1/k2/k3/}, each label an internal key in base 36. A subtree is the range
 * {@code [path, path + "~")} under the C collation, since every label character sorts below '~'.
 */
public final class Paths {

    private Paths() {
    }

    public static String label(long key) {
        return Long.toString(key, 36);
    }

    public static String child(String parentPath, long key) {
        return (parentPath == null ? "/" : parentPath) + label(key) + "/";
    }

    public static String upperBound(String path) {
        return path + "~";
    }

    /** Keys along the path, root first, the unit itself last. */
    public static long[] keys(String path) {
        String[] labels = path.substring(1, path.length() - 1).split("/");
        long[] keys = new long[labels.length];
        for (int i = 0; i < labels.length; i++) {
            keys[i] = Long.parseLong(labels[i], 36);
        }
        return keys;
    }

    /** Keys of the strict ancestors: the path without its last label. */
    public static long[] ancestorKeys(String path) {
        long[] all = keys(path);
        return java.util.Arrays.copyOf(all, all.length - 1);
    }

    public static boolean isWithin(String path, String ancestorPath) {
        return path.startsWith(ancestorPath);
    }
}
