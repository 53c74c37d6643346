package dev.otlpdoctor.envlint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderListTest {

    @Test
    void wellFormedListGivesNamesOnly() {
        HeaderList list = HeaderList.parse("authorization=Bearer%20s3cret, x-tenant=acme");
        assertThat(list.names()).containsExactly("authorization", "x-tenant");
        assertThat(list.problems()).isEmpty();
    }

    @Test
    void problemsNameTheEntryButNeverTheValue() {
        HeaderList list = HeaderList.parse("api-key,authorization=Bearer s3cret,x=%zz,=v,bad name=1");
        assertThat(list.problems()).hasSize(5);
        assertThat(String.join("\n", list.problems()))
                .contains("entry 1 has no '='", "unencoded space", "'%' that does not start", "empty name",
                        "header name 'bad…'")
                .doesNotContain("s3cret");
        assertThat(list.onlyUnencodedSpaces()).isFalse();
    }

    @Test
    void onlyRawSpacesIsTheLenientCase() {
        assertThat(HeaderList.parse("authorization=Basic abc").onlyUnencodedSpaces()).isTrue();
    }

    @Test
    void aCurlStyleHeaderNamesTheHeaderButNotItsToken() {
        HeaderList list = HeaderList.parse("Authorization: Basic dXNlcjpwYXNz=");
        assertThat(list.names()).containsExactly("Authorization");
        assertThat(String.join("\n", list.problems())).contains("'name: value'").doesNotContain("dXNlcjpwYXNz", "Basic");
    }
}
