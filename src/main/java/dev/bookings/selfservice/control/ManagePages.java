package dev.bookings.selfservice.control;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Renders the manage pages from Mustache templates ({@code dev/bookings/selfservice/*.mustache}), whose every
 * {@code {{value}}} is HTML-escaped (what the business or the customer typed is shown as text), with the words of
 * the page's language from {@code Page*.properties}: English, and German for a business whose {@code languageTag}
 * is German. Templates are compiled once; rendering is thread-safe.
 */
public final class ManagePages {

    private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("dev/bookings/selfservice");
    private static final Mustache PAGE = TEMPLATES.compile("manage.mustache");
    private static final Mustache NOTICE = TEMPLATES.compile("notice.mustache");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ManagePages() {
    }

    /** The language of a business's pages: German for a German {@code languageTag}, else English. */
    public static Locale language(String languageTag) {
        return languageTag != null && Locale.forLanguageTag(languageTag).getLanguage().equals("de") ? Locale.GERMAN
                : Locale.ENGLISH;
    }

    /** The words of the page in {@code language}. */
    public static Map<String, String> words(Locale language) {
        ResourceBundle bundle = ResourceBundle.getBundle("dev.bookings.selfservice.Page", language, NO_FALLBACK);
        Map<String, String> words = new HashMap<>();
        bundle.keySet().forEach(key -> words.put(key, bundle.getString(key)));
        return words;
    }

    /** The appointment's page; {@code model} holds its values and {@code t}, the words. */
    public static String page(Map<String, Object> model) {
        StringWriter out = new StringWriter();
        PAGE.execute(out, model);
        return out.toString();
    }

    /**
     * A page that only says something: {@code notFound} (any link that does not lead to an appointment, whatever
     * the reason, so none can be told from another), {@code refused} (a form not sent from the page), or
     * {@code tooMany} (too many requests).
     */
    public static String notice(String which, Locale language) {
        Map<String, String> words = words(language);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", language.getLanguage());
        model.put("t", words);
        model.put("title", words.get(which + ".title"));
        model.put("text", words.get(which + ".text"));
        StringWriter out = new StringWriter();
        NOTICE.execute(out, model);
        return out.toString();
    }
}
