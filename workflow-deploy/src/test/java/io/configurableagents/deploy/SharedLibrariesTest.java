package io.configurableagents.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SharedLibrariesTest {
  @Test
  void readsResolvedLibrariesAndTheLoaderFromLddOutput() {
    String ldd = "\tlinux-vdso.so.1 (0x00007ffd5b7f2000)\n"
        + "\tlibjli.so => /opt/jdk/bin/../lib/libjli.so (0x00007f8638a69000)\n"
        + "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f863887d000)\n"
        + "\t/lib64/ld-linux-x86-64.so.2 (0x00007f8638a95000)\n";

    assertThat(SharedLibraries.parse(ldd, Path.of("java"))).containsExactly(
        Path.of("/opt/jdk/lib/libjli.so"), Path.of("/lib/x86_64-linux-gnu/libc.so.6"),
        Path.of("/lib64/ld-linux-x86-64.so.2"));
  }

  @Test
  void aLibraryThisMachineLacksFailsNamingIt() {
    assertThatThrownBy(() -> SharedLibraries.parse("\tlibasound.so.2 => not found\n", Path.of("libjsound.so")))
        .hasMessage("libjsound.so needs libasound.so.2, which this machine does not have; the jlink base cannot run it");
  }

  @Test
  void theJavaLauncherOfThisJdkNeedsTheCLibrary() {
    Path javaHome = Path.of(System.getProperty("java.home"));

    assertThat(SharedLibraries.neededBy(List.of(javaHome.resolve("bin/java")), javaHome))
        .anyMatch(p -> p.getFileName().toString().equals("libc.so.6"))
        .noneMatch(p -> p.startsWith(javaHome));
  }
}
