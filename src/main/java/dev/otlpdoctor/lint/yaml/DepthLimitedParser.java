package dev.otlpdoctor.lint.yaml;

import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * Counts how deeply maps and lists are nested while the composer reads events, and stops at
 * {@link YamlLimits#MAX_DEPTH}. The composer builds nodes recursively, so without this a document of a
 * few thousand nested brackets would overflow the stack.
 */
final class DepthLimitedParser implements Parser {
    private final Parser delegate;
    private int depth;

    DepthLimitedParser(Parser delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
        return delegate.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
        return delegate.peekEvent();
    }

    @Override
    public boolean hasNext() {
        return delegate.hasNext();
    }

    @Override
    public Event next() {
        Event event = delegate.next();
        switch (event.getEventId()) {
            case MappingStart, SequenceStart -> {
                if (++depth > YamlLimits.MAX_DEPTH) {
                    int line = event.getStartMark().map(m -> m.getLine() + 1).orElse(0);
                    throw new LimitExceeded("maps and lists are nested more than " + YamlLimits.MAX_DEPTH
                            + " levels deep (line " + line + ")");
                }
            }
            case MappingEnd, SequenceEnd -> depth--;
            default -> {
                // other events do not change the nesting
            }
        }
        return event;
    }

    /** A limit of {@link YamlLimits} was reached. */
    static final class LimitExceeded extends YamlEngineException {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message);
        }
    }
}
