package dev.otlpdoctor.probe;

/**
 * A typed key for something one probe learned and a later probe needs (the resolved addresses, the
 * addresses that accepted a connection). Declared next to the probe that produces it.
 */
public final class Fact<T> {
    private final String name;

    private Fact(String name) {
        this.name = name;
    }

    public static <T> Fact<T> named(String name) {
        return new Fact<>(name);
    }

    @Override
    public String toString() {
        return name;
    }
}
