package io.configurableagents.runtime.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** file_read, file_write, file_glob, file_move: inside ALLOWED_PATHS, and every way out refused. */
class FileToolsTest {
  @TempDir Path tmp;
  private Path allowed;
  private Path outside;
  private ToolFixture tools;

  @BeforeEach
  void setUp() throws Exception {
    allowed = Files.createDirectories(tmp.resolve("allowed"));
    outside = Files.createDirectories(tmp.resolve("outside"));
    Files.writeString(outside.resolve("secret.txt"), "top secret");
    tools = new ToolFixture(Map.of("ALLOWED_PATHS", allowed.toString()), tmp.resolve("data"));
  }

  @Test
  void writeThenReadGlobAndMoveInsideTheAllowedDirectory() throws Exception {
    JsonNode written = tools.call("file_write", ToolFixture.input("path", "notes/today.md", "content", "# Otters\nthey hold hands"));
    assertThat(written.path("bytes_written").asInt()).isEqualTo(24);
    assertThat(Files.readString(allowed.resolve("notes/today.md"))).isEqualTo("# Otters\nthey hold hands");

    JsonNode read = tools.call("file_read", ToolFixture.input("path", "notes/today.md"));
    assertThat(read.path("content").asText()).isEqualTo("# Otters\nthey hold hands");
    assertThat(read.path("size").asLong()).isEqualTo(24);

    tools.call("file_write", ToolFixture.input("path", allowed.resolve("notes/other.txt").toString(), "content", "x"));
    JsonNode globbed = tools.call("file_glob", ToolFixture.input("pattern", "**/*.md"));
    assertThat(globbed.path("matches")).extracting(JsonNode::asText).containsExactly("notes/today.md");

    JsonNode moved = tools.call("file_move", ToolFixture.input("source", "notes/today.md", "dest", "archive/today.md"));
    assertThat(moved.path("success").asBoolean()).isTrue();
    assertThat(allowed.resolve("archive/today.md")).hasContent("# Otters\nthey hold hands");
    assertThat(allowed.resolve("notes/today.md")).doesNotExist();
  }

  @Test
  void theDefaultDirectoryIsFilesUnderTheDataDirectory() throws Exception {
    ToolFixture defaults = new ToolFixture(Map.of(), tmp.resolve("data"));
    defaults.call("file_write", ToolFixture.input("path", "a.txt", "content", "hello"));
    assertThat(tmp.resolve("data/files/a.txt")).hasContent("hello");
  }

  @Test
  void dotDotAbsolutePathsAndSymlinksThatLeaveAreRefused() throws Exception {
    Files.createSymbolicLink(allowed.resolve("link"), outside);
    Files.createSymbolicLink(allowed.resolve("secret-link.txt"), outside.resolve("secret.txt"));
    String[][] escapes = {
        {"file_read", ToolFixture.input("path", "../outside/secret.txt")},
        {"file_read", ToolFixture.input("path", outside.resolve("secret.txt").toString())},
        {"file_read", ToolFixture.input("path", "link/secret.txt")},
        {"file_read", ToolFixture.input("path", "secret-link.txt")},
        {"file_write", ToolFixture.input("path", "link/new.txt", "content", "x")},
        {"file_write", ToolFixture.input("path", "secret-link.txt", "content", "overwritten")},
        {"file_glob", ToolFixture.input("pattern", "*", "base_path", "link")},
        {"file_glob", ToolFixture.input("pattern", "../outside/*")},
        {"file_move", ToolFixture.input("source", "../outside/secret.txt", "dest", "stolen.txt")},
        {"file_move", ToolFixture.input("source", "x.txt", "dest", "/etc/x.txt")}};
    for (String[] escape : escapes) {
      assertThatThrownBy(() -> tools.call(escape[0], escape[1]))
          .as(escape[0] + " " + escape[1])
          .isInstanceOfSatisfying(ToolException.class, e -> {
            assertThat(e.kind()).isEqualTo(ToolException.Kind.REFUSED);
            assertThat(e.getMessage()).containsAnyOf("outside the allowed directories", "must be relative");
          });
    }
    assertThat(outside.resolve("secret.txt")).hasContent("top secret");
    assertThat(outside.resolve("new.txt")).doesNotExist();
    assertThat(allowed.resolve("stolen.txt")).doesNotExist();
  }

  @Test
  void theRefusalSaysHowToAllowADirectory() {
    assertThatThrownBy(() -> tools.call("file_read", ToolFixture.input("path", "/etc/passwd")))
        .hasMessage("the path \"/etc/passwd\" is outside the allowed directories (" + allowed
            + "); use a path inside them, or list its directory in the ALLOWED_PATHS environment variable");
  }
}
