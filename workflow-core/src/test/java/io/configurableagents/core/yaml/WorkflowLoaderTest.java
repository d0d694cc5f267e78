package io.configurableagents.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.configurableagents.core.model.EdgeSpec;
import io.configurableagents.core.model.NodeSpec;
import io.configurableagents.core.model.OutputSpec;
import io.configurableagents.core.model.Provider;
import io.configurableagents.core.model.StateField;
import io.configurableagents.core.model.TypeRef;
import io.configurableagents.core.model.Workflow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the loader builds from valid files: the model the engine compiles. */
class WorkflowLoaderTest {

  private static Workflow load(String name) {
    Path path = Path.of("src/test/resources/workflows/valid").resolve(name);
    return WorkflowLoader.fromPath(path, name).load();
  }

  @Test
  void linearWorkflowHasItsStateNodesEdgesAndPositions() {
    Workflow wf = load("linear.yaml");
    assertThat(wf.name()).isEqualTo("greeter");
    assertThat(wf.description()).contains("One node, one output");
    assertThat(wf.version()).contains("2.1.0");
    assertThat(wf.fileName()).isEqualTo("linear.yaml");
    StateField name = wf.state().get("name");
    assertThat(name.type()).isEqualTo(new TypeRef.Str());
    assertThat(name.required()).isTrue();
    assertThat(name.description()).contains("Who to greet");
    assertThat(name.location()).hasToString("linear.yaml:8:5");
    assertThat(wf.state().get("greeting").defaultValue()).contains("");
    NodeSpec greet = wf.node("greet").orElseThrow();
    assertThat(greet.location()).hasToString("linear.yaml:11:9");
    assertThat(greet.prompt().source()).isEqualTo("Write a warm greeting for {state.name}.");
    assertThat(greet.output()).isEqualTo(new OutputSpec.Simple(new TypeRef.Str(), Optional.of("The greeting")));
    assertThat(wf.edges()).extracting(EdgeSpec::from, EdgeSpec::target)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("START", new EdgeSpec.To("greet")),
            org.assertj.core.groups.Tuple.tuple("greet", new EdgeSpec.To("END")));
    assertThat(wf.config().execution()).isEqualTo(io.configurableagents.core.model.ExecutionSpec.DEFAULT);
  }

  @Test
  void jsonLoadsLikeYaml() {
    Workflow wf = load("greeter.json");
    assertThat(wf.state().keySet()).containsExactly("name", "greeting");
    assertThat(wf.node("greet").orElseThrow().output()).isInstanceOf(OutputSpec.Fields.class);
    assertThat(wf.edgesFrom("greet")).singleElement().satisfies(e -> assertThat(e.target()).isEqualTo(new EdgeSpec.To("END")));
  }

  @Test
  void routesConfigAndObjectOutputsAreBuilt() {
    Workflow wf = load("routes.yaml");
    TypeRef.ObjectType review = (TypeRef.ObjectType) wf.state().get("review").type();
    assertThat(review.fields().keySet()).containsExactly("score", "approved", "notes");
    assertThat(review.fields().get("notes").type()).isEqualTo(new TypeRef.ListOf(Optional.of(new TypeRef.Str())));
    assertThat(review.fields().get("notes").description()).contains("What to fix");
    OutputSpec.Fields output = (OutputSpec.Fields) wf.node("judge").orElseThrow().output();
    assertThat(output.fields()).singleElement().satisfies(f -> {
      assertThat(f.type()).as("the object output carries the state field's schema").isEqualTo(review);
      assertThat(f.description()).contains("The review");
    });
    EdgeSpec.Routes routes = (EdgeSpec.Routes) wf.edgesFrom("judge").get(0).target();
    assertThat(routes.routes()).extracting(EdgeSpec.Route::to).containsExactly("publish", "revise");
    assertThat(routes.defaultTarget()).contains("revise");
    assertThat(routes.routes().get(0).condition().source()).isEqualTo("state.review.score >= 0.8 and state.review.approved");
    assertThat(wf.node("revise").orElseThrow().inputs()).containsOnlyKeys("notes");
    assertThat(wf.config().llm().provider()).contains(Provider.OPENAI);
    assertThat(wf.config().llm().model()).contains("gpt-4o-mini");
    assertThat(wf.config().llm().temperature()).contains(0.2);
    assertThat(wf.config().llm().maxTokens()).contains(800);
    assertThat(wf.config().execution()).isEqualTo(new io.configurableagents.core.model.ExecutionSpec(Duration.ofSeconds(60), 2, 40));
  }

  @Test
  void edgeLevelConditionsBecomeWhenTargetsInFileOrder() {
    Workflow wf = load("edge-conditions.yaml");
    List<EdgeSpec.Target> targets = wf.edgesFrom("grade").stream().map(EdgeSpec::target).toList();
    assertThat(targets).hasSize(3);
    assertThat(targets.get(0)).isInstanceOfSatisfying(EdgeSpec.When.class, w -> {
      assertThat(w.node()).isEqualTo("praise");
      assertThat(w.condition().source()).isEqualTo("{state.score} >= 8");
    });
    assertThat(targets.get(1)).isInstanceOfSatisfying(EdgeSpec.When.class, w -> assertThat(w.node()).isEqualTo("flag"));
    assertThat(targets.get(2)).isEqualTo(new EdgeSpec.To("coach"));
  }

  @Test
  void loopFanOutAndParallelEdgesAreBuilt() {
    assertThat(load("loop.yaml").edgesFrom("refine")).singleElement()
        .satisfies(e -> assertThat(e.target()).isEqualTo(new EdgeSpec.Loop("done", 5, "wrap_up")));
    assertThat(load("fan-out.yaml").edgesFrom("plan")).singleElement()
        .satisfies(e -> assertThat(e.target()).isEqualTo(new EdgeSpec.FanOut(List.of("gather_facts", "gather_opinions"))));
    assertThat(load("parallel.yaml").edgesFrom("start")).singleElement()
        .satisfies(e -> assertThat(e.target()).isEqualTo(new EdgeSpec.Parallel("documents", "summarise", "summaries")));
  }

  @Test
  void aliasesAnchorsAndMergeKeysAreResolved() {
    Workflow wf = load("aliases-and-anchors.yaml");
    assertThat(wf.version()).contains("1.0");
    assertThat(wf.state().get("city").required()).as("yes is a YAML 1.1 boolean").isTrue();
    assertThat(wf.state().get("forecast").defaultValue()).contains("~");
    TypeRef.ObjectType weather = (TypeRef.ObjectType) wf.state().get("weather").type();
    assertThat(weather.fields().keySet()).as("schema_ is schema").containsExactly("summary", "temperature");
    assertThat(wf.edges()).extracting(EdgeSpec::from).as("from_ is from").containsExactly("START", "look_up", "forecast");
    NodeSpec forecast = wf.node("forecast").orElseThrow();
    assertThat(wf.llmFor(forecast).effectiveProvider()).isEqualTo(Provider.OLLAMA);
    assertThat(wf.llmFor(forecast).temperature()).contains(0.5);
    assertThat(wf.llmFor(forecast).apiBase()).contains("http://127.0.0.1:11434");
  }

  @Test
  void keysThisRuntimeDoesNotRunAreStillReadIntoTheModel() {
    Workflow wf = load("accepted-not-run.yaml");
    NodeSpec addUp = wf.node("add_up").orElseThrow();
    assertThat(addUp.isCodeNode()).isTrue();
    assertThat(addUp.code()).hasValueSatisfying(c -> assertThat(c).contains("sum("));
    NodeSpec comment = wf.node("comment_on").orElseThrow();
    assertThat(comment.tools()).extracting(t -> t.name(), t -> t.onError())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("web_search", "fail"), org.assertj.core.groups.Tuple.tuple("web_scrape", "continue"));
    assertThat(comment.tools().get(1).config()).isEqualTo(Map.of("timeout", 5L));
    assertThat(wf.config().mlflow().enabled()).isTrue();
    assertThat(wf.config().mlflow().trackingUri()).contains("http://127.0.0.1:5000");
    assertThat(wf.config().mlflow().experimentName()).isEqualTo("extras");
  }

  @Test
  void laxScalarsAreTakenAsTheReferenceTakesThem() {
    Workflow wf = WorkflowLoader.fromString("w.yaml", """
        schema_version: "1.0"
        flow: {name: lax}
        state:
          fields:
            x: {type: str, required: "yes"}
            y: {type: str, default: ""}
        nodes:
          - {id: n, prompt: "{x}", outputs: [y], output_schema: {type: str}}
        edges:
          - {from: START, to: n}
          - {from: n, to: END}
        config:
          llm: {temperature: "0.5", max_tokens: 100.0}
          execution: {timeout: "30", max_retries: 1}
        """).load();
    assertThat(wf.state().get("x").required()).isTrue();
    assertThat(wf.config().llm().temperature()).contains(0.5);
    assertThat(wf.config().llm().maxTokens()).contains(100);
    assertThat(wf.config().execution().timeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(wf.config().execution().maxAttempts()).isEqualTo(1);
  }
}
