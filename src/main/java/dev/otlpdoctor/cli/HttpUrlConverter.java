package dev.otlpdoctor.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An absolute {@code http://} or {@code https://} URL with a host, e.g. for {@code --health-url}. */
public final class HttpUrlConverter implements ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
        URI uri;
        try {
            uri = new URI(value.trim());
        } catch (URISyntaxException e) {
            throw new TypeConversionException("'" + value + "' is not a URL (example: http://collector:13133/)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new TypeConversionException("'" + value + "' is not an http:// or https:// URL with a host"
                    + " (example: http://collector:13133/)");
        }
        return uri;
    }
}
