package io.configurableagents.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The conformance corpus's echo workflow, pointed at a fake OpenAI-compatible server. */
final class EchoWorkflow {
  private EchoWorkflow() {}

  static Path write(Path dir, FakeOpenAi fake) throws IOException {
    String yaml =
        """
        schema_version: "1.0"
        flow:
          name: echo
          description: Minimal echo workflow - the simplest possible example
        state:
          fields:
            message:
              type: str
              required: true
              description: The message to echo back
            result:
              type: str
              default: ""
              description: The echoed result
        nodes:
          - id: echo
            prompt: "Simply repeat this message exactly: {state.message}"
            outputs: [result]
            output_schema:
              type: object
              fields:
                - name: result
                  type: str
                  description: The echoed message
        edges:
          - {from: START, to: echo}
          - {from: echo, to: END}
        config:
          llm:
            provider: openai
            model: gpt-4o-mini
            api_base: %s
        """
            .formatted(fake.apiBase());
    Path file = dir.resolve("echo.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  /** The environment of a server running {@code workflow} with its data in {@code dataDir}. */
  static Map<String, String> environment(Path workflow, Path dataDir) {
    Map<String, String> env = new HashMap<>();
    env.put("WORKFLOW_FILE", workflow.toString());
    env.put("DATA_DIR", dataDir.toString());
    env.put("PORT", "0");
    env.put("TRACES_PORT", "0");
    env.put("OPENAI_API_KEY", "sk-test-not-a-real-key");
    return env;
  }
}
