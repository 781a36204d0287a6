package io.github.domainevents;

/** {@link DeadEventHandler#ignore()}: the dispatcher recognises it and skips the dead path. */
enum IgnoredDeadEvents implements DeadEventHandler {
  INSTANCE;

  @Override
  public void handle(DomainEvent event) {}

  @Override
  public String toString() {
    return "DeadEventHandler.ignore()";
  }
}
