package org.community.conventions.problem;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Problem titles and details in the caller's language: {@code Accept-Language: en} gives English,
 * anything else the default, Simplified Chinese. A key is looked up first in the service's own bundle
 * ({@code messages.properties}, {@code messages_en.properties}), then in the base messages of this library
 * ({@code org/community/conventions/messages*.properties}), so a service adds and overrides keys.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private static final String SERVICE_BUNDLE = "messages";
    private static final String BASE_BUNDLE = "org.community.conventions.messages";
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    public static Locale pick(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            if ("en".equals(locale.getLanguage())) {
                return Locale.ENGLISH;
            }
            if ("zh".equals(locale.getLanguage())) {
                return CHINESE;
            }
        }
        return CHINESE;
    }

    public static String get(Locale locale, String key, Object... args) {
        String pattern = find(locale, key);
        if (pattern == null) {
            return args.length == 0 ? key : key + " " + List.of(args);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The message of {@code key}, or {@code null} when neither the service nor the library defines it. */
    public static String find(Locale locale, String key) {
        Locale bundleLocale = Locale.ENGLISH.equals(locale) ? Locale.ENGLISH : Locale.ROOT;
        for (String name : new String[] { SERVICE_BUNDLE, BASE_BUNDLE }) {
            ResourceBundle bundle = bundle(name, bundleLocale);
            if (bundle != null && bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return null;
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        // the application's class loader: in dev and test mode this library is loaded by a parent loader
        // that does not see the service's own resources
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = Messages.class.getClassLoader();
        }
        try {
            return ResourceBundle.getBundle(name, locale, loader, NO_FALLBACK);
        } catch (MissingResourceException e) {
            return null;
        }
    }
}
