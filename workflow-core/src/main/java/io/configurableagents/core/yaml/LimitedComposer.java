package io.configurableagents.core.yaml;

import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * snakeyaml-engine's composer with a nesting limit (its recursion would otherwise overflow the
 * stack on a deeply nested file) and a memory of the last event seen (some engine errors carry no
 * position).
 */
final class LimitedComposer extends Composer {
  static final int MAX_DEPTH = 100;

  private final TrackingParser tracking;
  private int depth;

  private LimitedComposer(LoadSettings settings, TrackingParser parser) {
    super(settings, parser);
    this.tracking = parser;
  }

  static LimitedComposer over(LoadSettings settings, Parser parser) {
    return new LimitedComposer(settings, new TrackingParser(parser));
  }

  /** Where the parser was when it last produced an event. */
  Optional<Mark> lastMark() {
    return tracking.lastMark;
  }

  @Override
  protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeSequenceNode(anchor);
    } finally {
      depth--;
    }
  }

  @Override
  protected Node composeMappingNode(Optional<Anchor> anchor) {
    enter();
    try {
      return super.composeMappingNode(anchor);
    } finally {
      depth--;
    }
  }

  private void enter() {
    depth++;
    if (depth > MAX_DEPTH) {
      throw new NestingTooDeepException(parser.peekEvent().getStartMark());
    }
  }

  /** The file nests collections deeper than {@link #MAX_DEPTH}. */
  static final class NestingTooDeepException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<Mark> mark;

    NestingTooDeepException(Optional<Mark> mark) {
      super("nesting deeper than " + MAX_DEPTH + " levels", null, false, false);
      this.mark = mark;
    }

    Optional<Mark> mark() {
      return mark;
    }
  }

  /** Delegates, remembering the start of the last event handed out or peeked at. */
  private static final class TrackingParser implements Parser {
    private final Parser delegate;
    private Optional<Mark> lastMark = Optional.empty();

    TrackingParser(Parser delegate) {
      this.delegate = delegate;
    }

    @Override
    public boolean checkEvent(Event.ID id) {
      return delegate.checkEvent(id);
    }

    @Override
    public Event peekEvent() {
      return remember(delegate.peekEvent());
    }

    @Override
    public Event next() {
      return remember(delegate.next());
    }

    @Override
    public boolean hasNext() {
      return delegate.hasNext();
    }

    private Event remember(Event event) {
      if (event.getStartMark().isPresent()) {
        lastMark = event.getStartMark();
      }
      return event;
    }
  }
}
