package io.configurableagents.runtime.llm;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every attempt event it hears. */
final class RecordingListener implements AttemptListener {
  final List<AttemptStarted> started = new CopyOnWriteArrayList<>();
  final List<AttemptFinished> finished = new CopyOnWriteArrayList<>();

  @Override
  public void attemptStarted(AttemptStarted event) {
    started.add(event);
  }

  @Override
  public void attemptFinished(AttemptFinished event) {
    finished.add(event);
  }

  /** Every text the events carry: prompts, raw answers and errors. */
  List<String> texts() {
    List<String> texts = new java.util.ArrayList<>();
    started.forEach(s -> texts.add(s.prompt()));
    finished.forEach(f -> {
      f.error().ifPresent(texts::add);
      f.response().ifPresent(r -> texts.add(r.text()));
    });
    return texts;
  }
}
