package io.configurableagents.runtime.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.configurableagents.runtime.llm.ToolDefinition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code shell} (run a command, wait, return its output) and {@code process} (start a command in
 * the background, return its pid). Only programs listed in {@code ALLOWED_COMMANDS} run (default:
 * none), by their first word; the command is split into words here and run without a shell, so
 * {@code ;}, {@code |}, {@code &&}, {@code $(...)} and redirections are refused rather than
 * interpreted.
 */
final class CommandTool implements Tool {
  static final int MAX_OUTPUT = 5_000;
  private static final String SHELL_SYNTAX = ";|&$`<>\\\n";

  private final boolean background;
  private final ToolDefinition definition;
  private final List<String> allowed;
  private final Duration timeout;

  private CommandTool(boolean background, ToolDefinition definition, List<String> allowed, Duration timeout) {
    this.background = background;
    this.definition = definition;
    this.allowed = allowed;
    this.timeout = timeout;
  }

  static CommandTool shell(List<String> allowed, Duration timeout) {
    return new CommandTool(false, new ToolDefinition("shell",
        "Runs a command and returns its exit code and output. Allowed programs: "
            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ". No pipes, redirections or ;.",
        Inputs.schema(new String[][] {{"command", "string", "the command line, e.g. ls -l reports"}}, "command")), allowed, timeout);
  }

  static CommandTool process(List<String> allowed, Duration timeout) {
    return new CommandTool(true, new ToolDefinition("process",
        "Starts a program in the background and returns its pid. Allowed programs: "
            + (allowed.isEmpty() ? "none" : String.join(", ", allowed)) + ".",
        Inputs.schema(new String[][] {
            {"command", "string", "the program"}, {"args", "array", "its arguments, each a string"}}, "command")), allowed, timeout);
  }

  @Override
  public ToolDefinition definition() {
    return definition;
  }

  @Override
  public String call(ObjectNode input) throws ToolException {
    List<String> words = background ? programAndArgs(input) : split(Inputs.text(input, "command"));
    if (words.isEmpty()) {
      throw ToolException.badInput("the command is empty");
    }
    String program = words.get(0);
    if (!allowed.contains(program)) {
      throw ToolException.refused("the command \"" + program + "\" is not allowed ("
          + (allowed.isEmpty() ? "no command is" : "allowed: " + String.join(", ", allowed))
          + "); to allow it, add " + program + " to the ALLOWED_COMMANDS environment variable (comma-separated)");
    }
    ProcessBuilder builder = new ProcessBuilder(words);
    try {
      return background ? start(builder, program) : run(builder);
    } catch (IOException e) {
      throw ToolException.failed("cannot run " + program + ": " + e.getMessage());
    }
  }

  private String run(ProcessBuilder builder) throws IOException, ToolException {
    builder.redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output;
    try {
      output = process.getInputStream().readAllBytes();
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw ToolException.failed("the command did not end within " + timeout.toSeconds() + " s");
      }
    } catch (InterruptedException | java.io.InterruptedIOException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw ToolException.failed("the command was abandoned");
    }
    String text = new String(output, StandardCharsets.UTF_8);
    ObjectNode out = Inputs.JSON.createObjectNode().put("exit_code", process.exitValue());
    out.put("output", text.length() <= MAX_OUTPUT ? text : text.substring(text.length() - MAX_OUTPUT));
    return out.toString();
  }

  private static String start(ProcessBuilder builder, String program) throws IOException {
    builder.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
    Process process = builder.start();
    return Inputs.JSON.createObjectNode().put("pid", process.pid()).put("status", "started").put("command", program).toString();
  }

  private static List<String> programAndArgs(ObjectNode input) throws ToolException {
    List<String> words = new ArrayList<>();
    words.add(Inputs.text(input, "command").strip());
    JsonNode args = input.path("args");
    if (!args.isMissingNode() && !args.isNull()) {
      if (!args.isArray()) {
        throw ToolException.badInput("\"args\" must be a list of strings");
      }
      args.forEach(a -> words.add(a.asText()));
    }
    return words;
  }

  /** Words separated by spaces; '...' and "..." group words; shell syntax is refused. */
  static List<String> split(String command) throws ToolException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : command.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c) && c != '\n') {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else if (SHELL_SYNTAX.indexOf(c) >= 0) {
        throw ToolException.refused("shell syntax (" + (c == '\n' ? "a new line" : String.valueOf(c))
            + ") is not run: the command runs without a shell; run one program per call");
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw ToolException.badInput("a quote is not closed in: " + command);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
