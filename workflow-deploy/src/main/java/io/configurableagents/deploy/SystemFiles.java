package io.configurableagents.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The few files and directories a from-scratch image needs besides the runtime and its libraries. */
final class SystemFiles {
  /** The non-root user the container runs as. */
  static final int UID = 10001;

  static final String USER_NAME = "app";
  static final String HOME = "/home/app";

  private static final String PASSWD = "root:x:0:0:root:/root:/sbin/nologin\n"
      + USER_NAME + ":x:" + UID + ":" + UID + ":configurable-agents:" + HOME + ":/sbin/nologin\n";
  private static final String GROUP = "root:x:0:\n" + USER_NAME + ":x:" + UID + ":\n";
  private static final String NSSWITCH = "passwd: files\ngroup: files\nhosts: files dns\n";

  private SystemFiles() {}

  static void write(Path rootfs) throws IOException {
    Path etc = Files.createDirectories(rootfs.resolve("etc"));
    Files.writeString(etc.resolve("passwd"), PASSWD, StandardCharsets.UTF_8);
    Files.writeString(etc.resolve("group"), GROUP, StandardCharsets.UTF_8);
    Files.writeString(etc.resolve("nsswitch.conf"), NSSWITCH, StandardCharsets.UTF_8);
    Files.createDirectories(rootfs.resolve("tmp"));
    Files.createDirectories(rootfs.resolve(HOME.substring(1)));
  }

  /** What these files contain, for the cache key. */
  static String describe() {
    return PASSWD + GROUP + NSSWITCH + "tmp" + HOME;
  }
}
