package dev.otlpdoctor.probe.local;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test with a fresh /proc fixture tree per test method. */
abstract class FixtureTest {
    ProcFixture host;

    @BeforeEach
    void createFixture() {
        host = ProcFixture.inTempDir();
    }

    @AfterEach
    void deleteFixture() throws IOException {
        host.delete();
    }
}
