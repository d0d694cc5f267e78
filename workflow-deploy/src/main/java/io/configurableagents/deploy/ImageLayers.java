package io.configurableagents.deploy;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The image's layers as Jib file-entry layers, bottom to top: (for jlink) the runtime and the
 * system files, then dependencies, the runtime jar, the workflow file. Every entry has the fixed
 * modification time Jib uses, so the same files always give the same digests.
 */
final class ImageLayers {
  private static final String OWNER = SystemFiles.UID + ":" + SystemFiles.UID;

  private ImageLayers() {}

  /** The jlink base: the Java runtime, then the libraries, {@code /etc} files and directories. */
  static List<FileEntriesLayer> jlinkBase(Path rootfs) {
    Path javaHome = rootfs.resolve(JlinkBase.JAVA_HOME.substring(1));
    FileEntriesLayer.Builder jre = FileEntriesLayer.builder().setName("jlink runtime");
    FileEntriesLayer.Builder system = FileEntriesLayer.builder().setName("system files");
    try (Stream<Path> files = Files.walk(rootfs)) {
      for (Path file : files.sorted().toList()) {
        if (file.equals(rootfs)) {
          continue;
        }
        AbsoluteUnixPath target = AbsoluteUnixPath.get("/" + rootfs.relativize(file).toString());
        (file.startsWith(javaHome) ? jre : system).addEntry(entry(file, target));
      }
    } catch (IOException | UncheckedIOException e) {
      throw DeployException.environment("could not read the jlink base in " + rootfs + ": " + e.getMessage(), e);
    }
    return List.of(jre.build(), system.build());
  }

  private static FileEntry entry(Path file, AbsoluteUnixPath target) throws IOException {
    String path = target.toString();
    boolean ownedByApp = path.equals(SystemFiles.HOME);
    FilePermissions permissions = path.equals("/tmp")
        ? FilePermissions.fromOctalString("777")
        : FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(file));
    return new FileEntry(file, target, permissions, FileEntriesLayer.DEFAULT_MODIFICATION_TIME, ownedByApp ? OWNER : "");
  }

  /** The runtime's third-party jars in {@code /app/libs}, and {@code /app/data} owned by the app user. */
  static FileEntriesLayer dependencies(RuntimeJars jars, Path emptyDirectory) {
    FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("dependencies");
    Set<String> names = new HashSet<>();
    for (Path jar : jars.libraries()) {
      String name = jar.getFileName().toString();
      if (!names.add(name)) {
        throw DeployException.environment("two runtime libraries are both named " + name + "; cannot put both in "
            + ImageLayout.LIBS);
      }
      layer.addEntry(jar, AbsoluteUnixPath.get(ImageLayout.LIBS + "/" + name));
    }
    layer.addEntry(new FileEntry(emptyDirectory, AbsoluteUnixPath.get(ImageLayout.DATA),
        FilePermissions.DEFAULT_FOLDER_PERMISSIONS, FileEntriesLayer.DEFAULT_MODIFICATION_TIME, OWNER));
    return layer.build();
  }

  static FileEntriesLayer runtime(RuntimeJars jars) {
    return FileEntriesLayer.builder().setName("runtime")
        .addEntry(jars.runtimeJar(), AbsoluteUnixPath.get(ImageLayout.RUNTIME_JAR)).build();
  }

  /** The workflow file, byte for byte. */
  static FileEntriesLayer workflow(Path workflowFile) {
    return FileEntriesLayer.builder().setName("workflow")
        .addEntry(workflowFile, AbsoluteUnixPath.get(ImageLayout.WORKFLOW)).build();
  }

  /** All application layers, for the size of what the application adds. */
  static List<FileEntriesLayer> application(RuntimeJars jars, Path emptyDirectory, Path workflowFile) {
    List<FileEntriesLayer> layers = new ArrayList<>();
    layers.add(dependencies(jars, emptyDirectory));
    layers.add(runtime(jars));
    layers.add(workflow(workflowFile));
    return layers;
  }
}
