package io.configurableagents.runtime.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the file tools may read and write: inside the {@code ALLOWED_PATHS} directories. A relative
 * path is taken from the first of them. A path that leaves them, by {@code ..}, by being absolute
 * elsewhere, or through a symbolic link (the real path of what exists is checked, and a link
 * itself is never written through), is refused. See docs/tools.md, "File tools".
 */
final class PathGuard {
  private final List<Path> roots;

  PathGuard(List<Path> roots) {
    this.roots = roots.stream().map(r -> r.toAbsolutePath().normalize()).toList();
  }

  /** The first allowed directory, made if missing: where relative paths start. */
  Path home() throws ToolException {
    Path home = roots.get(0);
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw ToolException.failed("cannot create the file tools' directory " + home + ": " + e.getMessage());
    }
    return home;
  }

  /**
   * {@code path} resolved and checked: the path to use, inside an allowed directory.
   *
   * @throws ToolException refused when it escapes them
   */
  Path resolve(String path) throws ToolException {
    if (path.isBlank()) {
      throw ToolException.badInput("the path is empty");
    }
    Path given;
    try {
      given = Path.of(path);
    } catch (RuntimeException e) {
      throw ToolException.badInput("not a path: " + path);
    }
    Path full = (given.isAbsolute() ? given : home().resolve(given)).normalize();
    Path root = rootOf(full).orElseThrow(() -> refused(path));
    Path real = realOfExistingPart(full);
    if (!real.startsWith(realRoot(root))) {
      throw refused(path);
    }
    return full;
  }

  /** Refuses a path that is itself a symbolic link (writing or moving through one could leave the directories). */
  void notALink(Path path, String original) throws ToolException {
    if (Files.isSymbolicLink(path)) {
      throw refused(original);
    }
  }

  List<Path> roots() {
    return roots;
  }

  private java.util.Optional<Path> rootOf(Path p) {
    return roots.stream().filter(p::startsWith).findFirst()
        .or(() -> roots.stream().filter(r -> p.startsWith(realRoot(r))).findFirst());
  }

  private static Path realRoot(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root;
    }
  }

  /** The real path of the longest existing prefix of {@code p}, with the rest appended. */
  private static Path realOfExistingPart(Path p) throws ToolException {
    Path existing = p;
    Path rest = p.getFileSystem().getPath("");
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      rest = existing.getFileName().resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return p;
    }
    try {
      return existing.toRealPath().resolve(rest).normalize();
    } catch (IOException e) {
      throw ToolException.failed("cannot resolve " + p + ": " + e.getMessage());
    }
  }

  private ToolException refused(String path) {
    return ToolException.refused("the path \"" + path + "\" is outside the allowed directories ("
        + String.join(", ", roots.stream().map(Path::toString).toList())
        + "); use a path inside them, or list its directory in the ALLOWED_PATHS environment variable");
  }
}
