package io.configurableagents.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/** The most file descriptors this process may hold (its soft {@code RLIMIT_NOFILE}), where Linux tells. */
final class DescriptorLimit {
  private static final Path LIMITS = Path.of("/proc/self/limits");

  private DescriptorLimit() {}

  /** From {@code /proc/self/limits} ("Max open files  SOFT  HARD  files"); empty elsewhere or when unlimited. */
  static OptionalLong ofThisProcess() {
    try {
      return parse(Files.readAllLines(LIMITS));
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
  }

  static OptionalLong parse(List<String> limits) {
    for (String line : limits) {
      if (line.startsWith("Max open files")) {
        String soft = line.substring("Max open files".length()).trim().split("\\s+")[0];
        return soft.chars().allMatch(Character::isDigit) ? OptionalLong.of(Long.parseLong(soft)) : OptionalLong.empty();
      }
    }
    return OptionalLong.empty();
  }
}
