package org.civicequity.federate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FederationReaderTest {
  @TempDir
  Path dir;

  private Path write(String json) throws IOException {
    Path f = dir.resolve("federation.json");
    Files.writeString(f, json);
    return f;
  }

  @Test
  void readsAndResolvesRelativeLocations() throws IOException {
    Path f = write("""
        {"id": "chesapeake", "name": "Chesapeake equity network",
         "members": [
           {"id": "baltimore", "publisher": "Baltimore City", "location": "../feeds/baltimore",
            "sha256": "%s"},
           {"id": "remote", "publisher": "Somewhere", "location": "https://example.org/feed.zip"}],
         "indicators": ["poverty-rate"]}""".formatted("ab".repeat(32)));
    Federation fed = FederationReader.read(f);
    assertThat(fed.id()).isEqualTo("chesapeake");
    assertThat(fed.indicators()).containsExactly("poverty-rate");
    assertThat(fed.members().get(0).location())
        .isEqualTo(dir.getParent().resolve("feeds/baltimore").toString());
    assertThat(fed.members().get(0).sha256()).isEqualTo("ab".repeat(32));
    assertThat(fed.members().get(1).remote()).isTrue();
    assertThat(fed.members().get(1).location()).isEqualTo("https://example.org/feed.zip");
  }

  @Test
  void schemaViolationsAreLocated() throws IOException {
    Path f = write("""
        {"id": "Bad Id", "name": "x",
         "members": [{"id": "a", "publisher": "A", "location": "/etc/passwd", "sha256": "xyz"}]}""");
    assertThatThrownBy(() -> FederationReader.read(f))
        .isInstanceOf(FederationException.class)
        .hasMessageContaining(f + " /id:")
        .hasMessageContaining(f + " /members/0/location:")
        .hasMessageContaining(f + " /members/0/sha256:");
  }

  @Test
  void duplicateMemberIdsAndBadJson() throws IOException {
    Path dup = write("""
        {"id": "f", "name": "x", "members": [
          {"id": "a", "publisher": "A", "location": "a"},
          {"id": "a", "publisher": "B", "location": "b"}]}""");
    assertThatThrownBy(() -> FederationReader.read(dup))
        .hasMessage(dup + " /members/1/id: member id 'a' is already used by another member");
    Path broken = write("{\"id\": \"f\",\n \"name\": }");
    assertThatThrownBy(() -> FederationReader.read(broken))
        .isInstanceOf(FederationException.class)
        .hasMessageStartingWith(broken + ":2:");
    Path twice = write("{\"id\": \"f\", \"id\": \"g\", \"name\": \"x\", \"members\": []}");
    assertThatThrownBy(() -> FederationReader.read(twice)).hasMessageContaining("Duplicate");
    assertThatThrownBy(() -> FederationReader.read(dir.resolve("nope.json")))
        .hasMessage(dir.resolve("nope.json") + ": no such file");
  }

  @Test
  void adHocFederationFromFeedLocations() {
    Federation f = FederationReader.ofFeeds(List.of("feeds/Baltimore City", "other/baltimore-city/",
        "https://u:p@example.org/x/acs.zip?token=1", "data/datapackage.json"));
    assertThat(f.members()).extracting(Member::id)
        .containsExactly("baltimore-city", "baltimore-city-2", "acs", "data");
    assertThat(f.members().get(0).location()).isEqualTo(Path.of("feeds/Baltimore City").toAbsolutePath().toString());
  }
}
