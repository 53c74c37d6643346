package dev.otlpdoctor.listen.tally;

import java.util.Locale;
import java.util.regex.Pattern;

/** Header names as listen shows them: never a value, and a name that says credential marked as such. */
public final class HeaderNames {
    private static final Pattern CREDENTIAL = Pattern.compile(
            "authorization|proxy-authorization|cookie|.*(token|secret|password|passwd|api[-_]?key|apikey|auth|credential|signature|session).*");

    private HeaderNames() {
    }

    /** True when the header's value is a secret by its name: shown only as "present". */
    public static boolean credential(String name) {
        return CREDENTIAL.matcher(name.toLowerCase(Locale.ROOT)).matches();
    }
}
