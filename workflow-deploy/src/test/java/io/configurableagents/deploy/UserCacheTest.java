package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserCacheTest {
  private static final Path HOME = Path.of("/home/ada");

  @Test
  void onLinuxItIsUnderDotCacheOrXdgCacheHome() {
    assertThat(UserCache.directory(Map.of(), HOME, "Linux")).isEqualTo(Path.of("/home/ada/.cache/configurable-agents"));
    assertThat(UserCache.directory(Map.of("XDG_CACHE_HOME", "/var/cache/ada"), HOME, "Linux"))
        .isEqualTo(Path.of("/var/cache/ada/configurable-agents"));
  }

  @Test
  void aRelativeXdgCacheHomeIsIgnoredAsTheSpecificationSays() {
    assertThat(UserCache.directory(Map.of("XDG_CACHE_HOME", "cache"), HOME, "Linux"))
        .isEqualTo(Path.of("/home/ada/.cache/configurable-agents"));
  }

  @Test
  void onMacOsItIsUnderLibraryCaches() {
    assertThat(UserCache.directory(Map.of(), HOME, "Mac OS X"))
        .isEqualTo(Path.of("/home/ada/Library/Caches/configurable-agents"));
  }

  @Test
  void onWindowsItIsUnderLocalAppData() {
    assertThat(UserCache.directory(Map.of("LOCALAPPDATA", "/c/Users/ada/AppData/Local"), HOME, "Windows 11"))
        .isEqualTo(Path.of("/c/Users/ada/AppData/Local/configurable-agents/Cache"));
  }
}
