package dev.otlpdoctor.otlp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Masks the secrets a run sends in what peers answer: a proxy's error page or a grpc-message may repeat
 * the request's headers, and whatever a peer says ends up in findings. Each header value is masked as
 * sent, percent-encoded (as in OTEL_EXPORTER_OTLP_HEADERS or a URL) and, for {@code Scheme token} values
 * such as {@code Bearer …} or {@code Basic …}, the token alone (servers often repeat only that).
 */
public final class SecretMask {
    /** What replaces a secret. */
    public static final String MASK = "<redacted>";
    /** Shorter texts are not masked: "1" or "on" would mask unrelated words, and are no secrets. */
    private static final int MIN_SECRET = 4;

    private final List<String> secrets;

    private SecretMask(List<String> secrets) {
        this.secrets = secrets;
    }

    /** The mask of the values of these headers. */
    public static SecretMask of(List<Header> headers) {
        Set<String> secrets = new LinkedHashSet<>();
        for (Header header : headers) {
            String value = header.value().trim();
            add(secrets, value);
            add(secrets, URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
            int space = value.indexOf(' ');
            if (space > 0) {
                add(secrets, value.substring(space + 1).trim());
            }
        }
        List<String> ordered = new ArrayList<>(secrets);
        ordered.sort(Comparator.comparingInt(String::length).reversed()); // the longest first: no partial leftovers
        return new SecretMask(List.copyOf(ordered));
    }

    private static void add(Set<String> secrets, String value) {
        if (value.length() >= MIN_SECRET) {
            secrets.add(value);
        }
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }

    /** The text with every secret replaced by {@link #MASK}. */
    public String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String out = text;
        for (String secret : secrets) {
            if (out.contains(secret)) {
                out = out.replace(secret, MASK);
            }
        }
        return out;
    }
}
