package io.configurableagents.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.output.FinishReason;
import org.junit.jupiter.api.Test;

class FinishReasonTest {

  @Test
  void langChain4jsReasonsBecomeTheGenAiConventionsValues() {
    assertThat(LangChain4jLlmClient.finishReason(FinishReason.STOP)).hasValue("stop");
    assertThat(LangChain4jLlmClient.finishReason(FinishReason.LENGTH)).hasValue("length");
    assertThat(LangChain4jLlmClient.finishReason(FinishReason.CONTENT_FILTER)).hasValue("content_filter");
    assertThat(LangChain4jLlmClient.finishReason(FinishReason.TOOL_EXECUTION)).hasValue("tool_call");
    assertThat(LangChain4jLlmClient.finishReason(FinishReason.OTHER)).hasValue("other");
    assertThat(LangChain4jLlmClient.finishReason(null)).isEmpty();
  }
}
